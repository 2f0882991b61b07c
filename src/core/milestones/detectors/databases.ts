import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { ownFile } from './common';

const sql = signalDetector({
  id: 'db.sql',
  dependencies: {
    npm: [
      'pg', 'pg-promise', 'postgres', 'mysql', 'mysql2', 'sqlite3', 'better-sqlite3', 'mssql', 'tedious', 'oracledb', 'knex', 'sequelize', 'typeorm',
      '@prisma/client', 'prisma', 'drizzle-orm', 'kysely', '@mikro-orm/core', 'objection', 'slonik', '@neondatabase/serverless', '@libsql/client',
      '@vercel/postgres', '@planetscale/database', 'sql.js',
    ],
    pypi: [
      'psycopg2', 'psycopg2-binary', 'psycopg', 'asyncpg', 'pymysql', 'mysqlclient', 'mysql-connector-python', 'aiomysql', 'sqlalchemy', 'sqlmodel',
      'peewee', 'pony', 'tortoise-orm', 'databases', 'aiosqlite', 'flask-sqlalchemy', 'cx-oracle', 'oracledb', 'pyodbc', 'piccolo', 'ormar',
    ],
    go: [
      'github.com/lib/pq', 'github.com/jackc/pgx', 'github.com/go-sql-driver/mysql', 'github.com/mattn/go-sqlite3', 'gorm.io/gorm', 'gorm.io/driver/*',
      'github.com/jmoiron/sqlx', 'github.com/uptrace/bun', 'entgo.io/ent', 'modernc.org/sqlite', 'github.com/microsoft/go-mssqldb',
      'github.com/denisenkom/go-mssqldb', 'github.com/go-pg/pg', 'github.com/doug-martin/goqu', 'github.com/Masterminds/squirrel',
    ],
    maven: [
      'org.springframework.boot:spring-boot-starter-data-jpa', 'org.springframework.boot:spring-boot-starter-jdbc', 'org.springframework.boot:spring-boot-starter-data-jdbc',
      'org.springframework.boot:spring-boot-starter-data-r2dbc', 'org.postgresql:postgresql', 'org.postgresql:r2dbc-postgresql', 'com.mysql:mysql-connector-j',
      'mysql:mysql-connector-java', 'org.mariadb.jdbc:mariadb-java-client', 'com.h2database:h2', 'org.xerial:sqlite-jdbc', 'org.hibernate:hibernate-core',
      'org.hibernate.orm:*', 'org.mybatis:*', 'org.mybatis.spring.boot:*', 'org.jooq:*', 'com.microsoft.sqlserver:mssql-jdbc', 'com.oracle.database.jdbc:*',
      'org.jetbrains.exposed:*', 'io.quarkus:quarkus-hibernate-orm*', 'io.quarkus:quarkus-jdbc-*', 'org.jdbi:*',
    ],
    nuget: [
      'Microsoft.EntityFrameworkCore', 'Microsoft.EntityFrameworkCore.SqlServer', 'Microsoft.EntityFrameworkCore.Sqlite', 'Microsoft.EntityFrameworkCore.InMemory',
      'Npgsql*', 'Dapper', 'Microsoft.Data.SqlClient', 'System.Data.SqlClient', 'MySql.Data', 'MySqlConnector', 'Pomelo.EntityFrameworkCore.MySql',
      'Microsoft.Data.Sqlite', 'Oracle.ManagedDataAccess.Core', 'linq2db', 'NHibernate',
    ],
    composer: ['doctrine/orm', 'doctrine/dbal', 'doctrine/doctrine-bundle', 'illuminate/database', 'cycle/orm', 'propel/propel'],
    rubygems: ['pg', 'mysql2', 'sqlite3', 'trilogy', 'activerecord', 'sequel', 'rom-sql'],
    cargo: ['sqlx', 'diesel', 'sea-orm', 'tokio-postgres', 'postgres', 'rusqlite', 'mysql', 'mysql_async', 'libsql', 'tiberius'],
  },
  sources: [
    {
      // Django's ORM needs no extra package: a model class shows it is used.
      languages: ['python'],
      pattern: /^[ \t]*class[ \t]+(\w+)\([^)\n]*\bmodels\.Model\b/gm,
      describe: (m) => `Django model ${m[1] ?? ''}`,
      where: (path) => /(^|\/)models(\.py$|\/)/.test(path),
    },
  ],
  sourceHint: /models/,
});

const nosql = signalDetector({
  id: 'db.nosql',
  dependencies: {
    npm: [
      'mongodb', 'mongoose', '@typegoose/typegoose', '@nestjs/mongoose', '@mikro-orm/mongodb', 'cassandra-driver', '@aws-sdk/client-dynamodb',
      '@aws-sdk/lib-dynamodb', 'dynamoose', 'nano', 'couchbase', 'neo4j-driver', '@google-cloud/firestore', '@azure/cosmos', 'arangojs', 'electrodb',
    ],
    pypi: [
      'pymongo', 'motor', 'mongoengine', 'beanie', 'odmantic', 'djongo', 'cassandra-driver', 'scylla-driver', 'pynamodb', 'neo4j', 'neomodel',
      'couchdb', 'google-cloud-firestore', 'azure-cosmos', 'couchbase', 'python-arango',
    ],
    go: [
      'go.mongodb.org/mongo-driver', 'github.com/gocql/gocql', 'github.com/aws/aws-sdk-go-v2/service/dynamodb', 'github.com/guregu/dynamo',
      'github.com/neo4j/neo4j-go-driver', 'cloud.google.com/go/firestore', 'github.com/couchbase/gocb', 'github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos',
    ],
    maven: [
      'org.springframework.boot:spring-boot-starter-data-mongodb', 'org.springframework.boot:spring-boot-starter-data-mongodb-reactive',
      'org.springframework.boot:spring-boot-starter-data-cassandra', 'org.springframework.boot:spring-boot-starter-data-cassandra-reactive',
      'org.springframework.boot:spring-boot-starter-data-neo4j', 'org.springframework.boot:spring-boot-starter-data-couchbase',
      'org.mongodb:*', 'com.datastax.oss:*', 'software.amazon.awssdk:dynamodb', 'software.amazon.awssdk:dynamodb-enhanced', 'org.neo4j.driver:*',
      'com.google.cloud:google-cloud-firestore', 'com.azure:azure-cosmos', 'io.quarkus:quarkus-mongodb-*', 'org.litote.kmongo:*',
    ],
    nuget: ['MongoDB.Driver', 'MongoDB.EntityFrameworkCore', 'CassandraCSharpDriver', 'AWSSDK.DynamoDBv2', 'Neo4j.Driver', 'Google.Cloud.Firestore', 'Microsoft.Azure.Cosmos', 'Microsoft.EntityFrameworkCore.Cosmos', 'RavenDB.Client'],
    composer: ['mongodb/mongodb', 'mongodb/laravel-mongodb', 'jenssegers/mongodb', 'doctrine/mongodb-odm', 'doctrine/mongodb-odm-bundle', 'laudis/neo4j-php-client'],
    rubygems: ['mongoid', 'mongo', 'cassandra-driver', 'aws-sdk-dynamodb', 'dynamoid', 'neo4j-ruby-driver', 'activegraph', 'couchrest'],
    cargo: ['mongodb', 'scylla', 'cdrs-tokio', 'aws-sdk-dynamodb', 'neo4rs', 'couch_rs'],
  },
});

/**
 * Migration files generated by frameworks when a project is created (Laravel's users, cache and jobs
 * tables): they exist before the learner wrote any migration.
 */
export const GENERATED_MIGRATION = /^(0001_01_01_\d{6}|2014_10_12_\d{6}|2019_08_19_000000|2019_12_14_000001)_/;

const MIGRATION_FILE =
  /(^|\/)(migrations?|db\/migrate|alembic\/versions|db\/changelog|db\/changelogs)\/([^/]+\/)?[^/]+\.(py|js|mjs|cjs|ts|sql|rb|php|cs|go|java|kt|xml|ya?ml|rs|json)$/i;

function isMigrationFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return MIGRATION_FILE.test(path) && ownFile(path) && name !== '__init__.py' && !GENERATED_MIGRATION.test(name) && !/^(readme|index)\./i.test(name);
}

const migrations = signalDetector({
  id: 'db.migrations',
  files: [
    {
      rule: {
        extensions: ['.py', '.js', '.mjs', '.cjs', '.ts', '.sql', '.rb', '.php', '.cs', '.go', '.java', '.kt', '.xml', '.yaml', '.yml', '.rs', '.json'],
        where: isMigrationFile,
        globs: ['**/{migration,migrations,Migrations}/**', '**/db/migrate/**', '**/alembic/versions/**', '**/db/changelog*/**'],
      },
      describe: (path) => `migration ${path}`,
    },
    { rule: { names: ['alembic.ini'], where: ownFile, globs: ['**/alembic.ini'] } },
  ],
  dependencies: {
    npm: ['node-pg-migrate', 'umzug', 'db-migrate', 'migrate-mongo', 'knex-migrate', 'graphile-migrate', '@mikro-orm/migrations'],
    pypi: ['alembic', 'flask-migrate', 'yoyo-migrations', 'django-migration-linter'],
    go: ['github.com/golang-migrate/migrate', 'github.com/pressly/goose', 'github.com/rubenv/sql-migrate', 'ariga.io/atlas'],
    maven: ['org.flywaydb:*', 'org.liquibase:*', 'io.quarkus:quarkus-flyway', 'io.quarkus:quarkus-liquibase'],
    nuget: ['FluentMigrator', 'FluentMigrator.Runner', 'DbUp', 'dbup-core', 'Evolve'],
    composer: ['doctrine/doctrine-migrations-bundle', 'doctrine/migrations', 'robmorgan/phinx'],
    rubygems: ['standalone_migrations'],
    cargo: ['diesel_migrations', 'sea-orm-migration', 'refinery'],
  },
});

export const DATABASE_DETECTORS: readonly Detector[] = [sql, nosql, migrations];
