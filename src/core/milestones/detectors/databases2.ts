import type { Detector } from '../detector';
import type { FileSignal } from '../signals';
import { signalDetector } from '../signals';
import { isTestPath, LANGUAGE_EXTENSIONS, languageOf, sourceGlob } from '../sourceLanguages';
import type { SourceLanguage } from '../sourceLanguages';
import { ownFile } from './common';
import type { ContentCheck } from './contentMatchers';
import { allOf, anyOf, codeMatchByPath, sqlMatch, stringMatch, uncommentedMatch } from './contentMatchers';
import { GENERATED_MIGRATION } from './databases';

/*
 * Schema and query milestones. SQL is code here: it is read in .sql files (comments and string data
 * blanked), in MyBatis mapper XML, and inside string literals of source files (queries passed to a
 * driver or an ORM's raw-query API). A string only counts when the whole match lies inside it and it
 * reads as SQL (a JOIN with its ON a.b = … condition, CREATE INDEX … ON table, REFERENCES t(col)), so a
 * sentence such as "join the team on Monday" does not. Comments, docstrings, test files, fixtures and
 * vendored folders never count.
 */

const ALL_LANGUAGES = Object.keys(LANGUAGE_EXTENSIONS) as SourceLanguage[];
const SOURCE_EXTENSIONS = ALL_LANGUAGES.flatMap((language) => LANGUAGE_EXTENSIONS[language]);

/** Laravel's generated migrations (users, cache, jobs tables) hold foreign ids and indexes the learner did not write. */
function isGeneratedMigration(path: string): boolean {
  // Their names start with a digit: other names (nearly all, on 100k paths) are not sliced to be tested.
  const nameStart = path.lastIndexOf('/') + 1;
  const first = path.charCodeAt(nameStart);
  return first >= 48 && first <= 57 && GENERATED_MIGRATION.test(path.slice(nameStart));
}

/** The project's own, non-test source files of any language. */
function ownSource(path: string): boolean {
  return ownFile(path) && !isTestPath(path) && languageOf(path) !== undefined && !isGeneratedMigration(path);
}

/** Where schema and query code usually lives: read first. */
const DATA_HINT = /repositor|dao|quer|sql|model|migrat|schema|store|db|data|entit|persist|mapper|seed/;

/** Up to this many source files are read per detector (as for source patterns). */
const SOURCE_READS = 400;

function sqlFiles(check: ContentCheck, exclude?: (path: string) => boolean): FileSignal {
  return {
    rule: { extensions: ['.sql'], where: (path) => ownFile(path) && !isTestPath(path) && !(exclude?.(path) ?? false), globs: ['**/*.sql'] },
    content: check,
    maxReads: 200,
    prefer: /migrat|schema|quer/,
  };
}

function mapperXml(check: ContentCheck): FileSignal {
  return {
    rule: { extensions: ['.xml'], where: (path) => ownFile(path) && !isTestPath(path) && /mapper[^/]*\.xml$/i.test(path), globs: ['**/*Mapper*.xml', '**/*mapper*.xml'] },
    content: check,
  };
}

function sourceFiles(check: ContentCheck): FileSignal {
  return {
    rule: { extensions: SOURCE_EXTENSIONS, where: ownSource, globs: [sourceGlob(ALL_LANGUAGES)] },
    content: check,
    maxReads: SOURCE_READS,
    prefer: DATA_HINT,
  };
}

/** Code patterns per language, checked on the file's own language only. */
function byLanguage(patterns: Partial<Record<SourceLanguage, RegExp>>, describe: (match: RegExpExecArray) => string): ContentCheck {
  const checks = new Map<SourceLanguage, ContentCheck>();
  for (const [language, pattern] of Object.entries(patterns) as [SourceLanguage, RegExp][]) {
    checks.set(language, codeMatchByPath(pattern, (m, path, line) => `${describe(m)} in ${path}:${line}`));
  }
  return (text, path) => {
    const language = languageOf(path);
    return language === undefined ? undefined : checks.get(language)?.(text, path);
  };
}

function summarise(match: RegExpExecArray): string {
  return match[0].replace(/\s+/g, ' ').trim().slice(0, 60);
}

function sqlIn(what: string): (match: RegExpExecArray, path: string, line: number) => string {
  return (m, path, line) => `${what} "${summarise(m)}" in ${path}:${line}`;
}

// ---- SQL building blocks (case-insensitive) ----
const ID = '[\\w$"`\\[\\]{}]+';
const TABLE = `${ID}(?:\\.${ID})?`;
const QUALIFIED = `${ID}\\.${ID}`;

const SQL_JOIN = new RegExp(
  `\\b(?:(?:inner|left|right|full|cross)\\s+(?:outer\\s+)?)?join\\s+${TABLE}(?:\\s+(?:as\\s+)?(?!on\\b|using\\b)\\w+)?\\s+(?:on\\s+\\(?\\s*(?:${QUALIFIED}\\s*=|${ID}\\s*=\\s*${QUALIFIED})|using\\s*\\()`,
  'gi',
);
/** JPQL/HQL joins follow an association path: `JOIN FETCH o.items i`. */
const JPQL_JOIN = /\bjoin\s+(?:fetch\s+)?[a-z]\w*\.\w+\s+(?:as\s+)?[a-z]\w*\b/gi;
const SQL_REFERENCES = new RegExp(`\\breferences\\s+${TABLE}\\s*\\(\\s*${ID}\\s*(?:,\\s*${ID}\\s*)*\\)|\\bforeign\\s+key\\s*\\(`, 'gi');
const SQL_CREATE_INDEX = new RegExp(`\\bcreate\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?${ID}\\s+on\\s+${TABLE}|\\balter\\s+table\\s+${TABLE}\\s+add\\s+(?:unique\\s+)?(?:index|key)\\b`, 'gi');
/** MySQL's inline `INDEX idx_name (col)` / `UNIQUE KEY name (col)` inside CREATE TABLE (never the primary or foreign key). */
const SQL_INLINE_INDEX = new RegExp(`(?<!primary\\s{1,4}|foreign\\s{1,4})\\b(?:unique\\s+)?(?:index|key)\\s+${ID}\\s*\\(`, 'gi');
const SQL_TRANSACTION = /^[ \t]*(?:begin(?:[ \t]+(?:transaction|work|tran))?|start[ \t]+transaction)[ \t]*;[\s\S]*?^[ \t]*commit\b/gim;

/** Prisma writes its migrations itself (SQL Server ones wrap each in a transaction). */
const isPrismaMigration = (path: string): boolean => /(^|\/)prisma\/migrations\//.test(path);

const joins = signalDetector({
  id: 'db.joins',
  files: [
    sqlFiles(sqlMatch(SQL_JOIN, sqlIn('SQL JOIN'))),
    mapperXml(uncommentedMatch(SQL_JOIN, 'xml', sqlIn('SQL JOIN'))),
    sourceFiles(
      anyOf(
        stringMatch(SQL_JOIN, sqlIn('SQL JOIN')),
        (text, path) => (/\.(java|kt)$/.test(path) ? stringMatch(JPQL_JOIN, sqlIn('JPQL JOIN'))(text, path) : undefined),
        byLanguage(
          {
            // Query builders: knex/TypeORM/Kysely leftJoin…, Laravel ->join('t', …), ActiveRecord .joins(:x), LINQ join … equals.
            js: /\.(?:inner|left|right|full|fullOuter|leftOuter|rightOuter|cross)Join(?:AndSelect|AndMapOne|AndMapMany)?\s*\(/g,
            php: /->(?:join|leftJoin|rightJoin|crossJoin|innerJoin|joinSub|leftJoinSub)\s*\(\s*['"$]/g,
            ruby: /\.(?:joins|left_joins|left_outer_joins)\s*\(?\s*:/g,
            csharp: /\bjoin\s+\w+\s+in\s+[\w.]+\s+on\s+[\w.]+\s+equals\b/g,
            go: /\.Joins\s*\(\s*["`]/g,
          },
          (m) => `query-builder join ${summarise(m)}`,
        ),
      ),
    ),
  ],
});

const transactions = signalDetector({
  id: 'db.transactions',
  files: [
    sqlFiles(sqlMatch(SQL_TRANSACTION, (_m, path, line) => `SQL transaction (BEGIN … COMMIT) in ${path}:${line}`), isPrismaMigration),
    sourceFiles(
      anyOf(
        // A driver call that opens a transaction: query('BEGIN'), Exec("START TRANSACTION"); starts at the quote.
        codeMatchByPath(/(['"`])\s*(?:BEGIN|START\s+TRANSACTION|BEGIN\s+TRANSACTION)\s*;?\s*\1/gi, (m, path, line) => `SQL ${m[0]} in ${path}:${line}`),
        byLanguage(
          {
            js: /\.\$transaction\s*\(|\bsequelize\.transaction\s*\(|\.transaction\s*\(\s*(?:async\b|function\b|\(\s*\w*\s*(?::\s*[\w<>.]+\s*)?\)\s*=>|\w+\s*=>)|\.(?:startTransaction|withTransaction)\s*\(/g,
            python: /\btransaction\.atomic\b|\b(?:async[ \t]+)?with[ \t]+[\w.()]*?\.(?:begin|begin_nested|transaction)\s*\(|\.begin_nested\s*\(|\bin_transaction\s*\(/g,
            go: /\.BeginTx\s*\(|\b\w*(?:[dD][bB]|[cC]onn|[pP]ool|[dD]atabase)\w*\.Begin\s*\(|\.Transaction\s*\(\s*func\s*\(|\.RunInTx\s*\(/g,
            java: /@Transactional\b|\bTransactionTemplate\b|\.getTransaction\s*\(\s*\)\s*\.begin\s*\(|\.setAutoCommit\s*\(\s*false\s*\)/g,
            kotlin: /@Transactional\b|\bTransactionTemplate\b|\b(?:newSuspendedTransaction|transaction)\s*(?:\([^)\n]*\)\s*)?\{|\.setAutoCommit\s*\(\s*false\s*\)/g,
            csharp: /\.BeginTransaction(?:Async)?\s*\(|\bnew\s+TransactionScope\s*\(/g,
            php: /\bDB::(?:transaction|beginTransaction)\s*\(|->(?:beginTransaction|transactional|wrapInTransaction)\s*\(/g,
            ruby: /(?:\b[A-Z]\w*(?:::\w+)*\.|^[ \t]*)transaction\s*(?:\([^)\n]*\)\s*)?(?:do\b|\{)/gm,
            rust: /\.begin\s*\(\s*\)\s*\.await|\.transaction(?:::<[^>\n]*>)?\s*\(\s*(?:\||move\b)|\.build_transaction\s*\(/g,
          },
          (m) => `transaction ${summarise(m)}`,
        ),
      ),
    ),
  ],
});

const relations = signalDetector({
  id: 'db.relations',
  files: [
    sqlFiles(sqlMatch(SQL_REFERENCES, sqlIn('foreign key'))),
    {
      rule: { extensions: ['.prisma'], where: ownFile, globs: ['**/*.prisma'] },
      content: uncommentedMatch(/@relation\s*\(/g, 'js', (_m, path, line) => `Prisma @relation in ${path}:${line}`),
    },
    sourceFiles(
      anyOf(
        stringMatch(SQL_REFERENCES, sqlIn('foreign key')),
        // gorm struct tags are strings: `gorm:"foreignKey:UserID"`.
        (text, path) => (path.endsWith('.go') ? stringMatch(/gorm:"[^"\n]*\b(?:foreignKey|references|many2many):\w+/g, sqlIn('gorm relation'))(text, path) : undefined),
        byLanguage(
          {
            python: /\b(?:models\.)?(?:ForeignKey|OneToOneField|ManyToManyField|ForeignKeyField)\s*\(|=\s*(?:db\.|orm\.|sa\.)?[Rr]elationship\s*\(/g,
            js: /@(?:ManyToOne|OneToMany|OneToOne|ManyToMany)\s*\(|\.(?:belongsTo|hasMany|hasOne|belongsToMany)\s*\(\s*(?:models\.|db\.)?[A-Z]\w*|\.references\s*\(\s*(?:['"]|\(\s*\)\s*=>)|\bObjectId\b\s*,\s*ref\s*:|\brelations\s*\(\s*\w+\s*,\s*\(\s*\{\s*(?:one|many)\b/g,
            java: /@(?:ManyToOne|OneToMany|OneToOne|ManyToMany|JoinColumn)\b/g,
            kotlin: /@(?:ManyToOne|OneToMany|OneToOne|ManyToMany|JoinColumn)\b/g,
            csharp: /\.Has(?:One|Many)\s*(?:<[^>\n]*>)?\s*\(|\[ForeignKey\s*\(|\btable\.ForeignKey\s*\(/g,
            php: /\$this->(?:belongsTo|hasMany|hasOne|belongsToMany|hasManyThrough|morphMany|morphTo)\s*\(|->foreign\s*\(|->foreignId\s*\([^)\n]*\)\s*->constrained\s*\(|->foreignIdFor\s*\(|#\[ORM\\(?:ManyToOne|OneToMany|ManyToMany|OneToOne)\b/g,
            ruby: /^[ \t]*(?:belongs_to|has_many|has_one|has_and_belongs_to_many)[ \t]+:|\bt\.(?:references|belongs_to)[ \t]+:|\badd_(?:reference|foreign_key)[ \t]+:|\bforeign_key:\s*true\b/gm,
            go: /\bedge\.(?:To|From)\s*\(/g,
            rust: /\bjoinable!\s*\(|#\[(?:diesel|sea_orm)\(\s*(?:belongs_to|has_many|has_one)\b/g,
          },
          (m) => `relation ${summarise(m)}`,
        ),
      ),
    ),
  ],
});

const indexes = signalDetector({
  id: 'db.indexes',
  files: [
    sqlFiles(anyOf(sqlMatch(SQL_CREATE_INDEX, sqlIn('index')), sqlMatch(SQL_INLINE_INDEX, sqlIn('index')))),
    {
      rule: { extensions: ['.prisma'], where: ownFile, globs: ['**/*.prisma'] },
      content: uncommentedMatch(/@@(?:index|unique)\s*\(/g, 'js', (m, path, line) => `Prisma ${m[0].replace(/\s*\($/, '')} in ${path}:${line}`),
    },
    sourceFiles(
      anyOf(
        stringMatch(SQL_CREATE_INDEX, sqlIn('index')),
        // Mongoose schema fields with `index: true` / `unique: true` (only in files defining a Schema: React Router also has `index: true`).
        (text, path) =>
          languageOf(path) === 'js'
            ? allOf(codeMatchByPath(/\b(?:index|unique)\s*:\s*true\b/g, (m, p, line) => `index mongoose ${m[0]} in ${p}:${line}`), codeMatchByPath(/\bnew\s+(?:mongoose\.)?Schema\s*\(|\bmongoose\.Schema\s*\(/g))(text, path)
            : undefined,
        (text, path) => (path.endsWith('.go') ? stringMatch(/gorm:"[^"\n]*\b(?:index|uniqueIndex)\b/g, sqlIn('gorm index'))(text, path) : undefined),
        byLanguage(
          {
            python: /\b(?:db_)?index\s*=\s*True\b|\bmodels\.Index\s*\(|\b(?:sa\.|sqlalchemy\.)?Index\s*\(\s*['"]|\bop\.create_index\s*\(/g,
            js: /@Index\s*\(|\.index\s*\(\s*\{|\bindexes\s*:\s*\[|\b(?:table|t)\.\w+\([^)\n]*\)(?:\.\w+\([^)\n]*\))*\.(?:index|unique)\s*\(|\b(?:table|t)\.(?:index|unique)\s*\(|\b(?:uniqueIndex|index)\s*\(\s*['"][\w-]+['"]\s*\)\s*\.on\s*\(|\.(?:addIndex|createIndex)\s*\(|\bnew\s+TableIndex\s*\(/g,
            java: /@(?:Index|Indexed|CompoundIndex)\b|@Table\s*\([^)]*\bindexes\s*=/g,
            kotlin: /@(?:Index|Indexed|CompoundIndex)\b|@Table\s*\([^)]*\bindexes\s*=|\b(?:uniqueIndex|index)\s*\(/g,
            csharp: /\.HasIndex\s*\(|\[Index\s*\(|\.CreateIndex\s*\(/g,
            php: /\$table->(?:index|unique|fullText|spatialIndex)\s*\(|\$table->\w+\([^)\n]*\)(?:->\w+\([^)\n]*\))*->(?:index|unique)\s*\(|#\[ORM\\(?:Index|UniqueConstraint)\b/g,
            ruby: /\badd_index[ \t]+:|\bt\.index[ \t]+|\bindex:\s*(?:true\b|\{)/g,
            go: /\bindex\.Fields\s*\(/g,
            rust: /\bIndex::create\s*\(/g,
          },
          (m) => `index ${summarise(m)}`,
        ),
      ),
    ),
  ],
});

const orm = signalDetector({
  id: 'db.orm',
  files: [
    {
      // `prisma init` writes a schema without models; a model block is the learner's.
      rule: { extensions: ['.prisma'], where: ownFile, globs: ['**/*.prisma'] },
      content: uncommentedMatch(/^[ \t]*model[ \t]+(\w+)[ \t]*\{/gm, 'js', (m, path, line) => `Prisma model ${m[1] ?? ''} in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: [
      '@prisma/client', 'typeorm', '@nestjs/typeorm', 'sequelize', 'sequelize-typescript', '@nestjs/sequelize', '@mikro-orm/core', 'drizzle-orm', 'mongoose',
      '@nestjs/mongoose', '@typegoose/typegoose', 'objection', 'bookshelf', 'waterline',
    ],
    pypi: ['sqlalchemy', 'flask-sqlalchemy', 'sqlmodel', 'peewee', 'tortoise-orm', 'pony', 'ormar', 'piccolo', 'mongoengine', 'flask-mongoengine', 'beanie', 'odmantic'],
    go: ['gorm.io/gorm', 'github.com/jinzhu/gorm', 'entgo.io/ent', 'github.com/volatiletech/sqlboiler', 'github.com/uptrace/bun', 'github.com/go-pg/pg'],
    maven: [
      'org.springframework.boot:spring-boot-starter-data-jpa', 'org.springframework.boot:spring-boot-starter-data-mongodb', 'org.springframework.boot:spring-boot-starter-data-mongodb-reactive',
      'org.hibernate:hibernate-core', 'org.hibernate.orm:hibernate-core', 'jakarta.persistence:jakarta.persistence-api', 'javax.persistence:javax.persistence-api',
      'io.quarkus:quarkus-hibernate-orm*', 'io.quarkus:quarkus-hibernate-reactive*', 'org.jetbrains.exposed:exposed-dao', 'org.eclipse.persistence:*',
    ],
    nuget: ['Microsoft.EntityFrameworkCore*', 'Pomelo.EntityFrameworkCore.MySql', 'Npgsql.EntityFrameworkCore.PostgreSQL', 'NHibernate', 'MongoDB.EntityFrameworkCore'],
    composer: ['doctrine/orm', 'illuminate/database', 'cycle/orm', 'propel/propel'],
    rubygems: ['activerecord', 'mongoid', 'sequel'],
    cargo: ['diesel', 'sea-orm'],
  },
  sources: [
    {
      // Django's ORM needs no extra package: a model class shows it is used.
      languages: ['python'],
      pattern: /^[ \t]*class[ \t]+(\w+)\([^)\n]*\bmodels\.Model\b/gm,
      describe: (m) => `Django model ${m[1] ?? ''}`,
      where: (path) => /(^|\/)models(\.py$|\/)/.test(path),
    },
    {
      // Rails: a model of the learner's (the generated ApplicationRecord is not one).
      languages: ['ruby'],
      pattern: /^[ \t]*class[ \t]+(\w+)[ \t]*<[ \t]*(?:ApplicationRecord|ActiveRecord::Base)\b/gm,
      describe: (m) => `Active Record model ${m[1] ?? ''}`,
      where: (path) => !path.endsWith('application_record.rb'),
    },
    {
      // Laravel: an Eloquent model of the learner's (the generated User extends Authenticatable).
      languages: ['php'],
      pattern: /\bclass[ \t]+(\w+)[ \t]+extends[ \t]+(?:\\?Illuminate\\Database\\Eloquent\\)?Model\b/g,
      describe: (m) => `Eloquent model ${m[1] ?? ''}`,
    },
    { languages: ['java', 'kotlin'], pattern: /@Entity\b(?!\w)/g, describe: () => 'JPA @Entity' },
  ],
  sourceHint: /models?|entit|domain/,
});

const mongodb = signalDetector({
  id: 'db.mongodb',
  dependencies: {
    npm: ['mongodb', 'mongoose', '@nestjs/mongoose', '@typegoose/typegoose', '@mikro-orm/mongodb', 'mongojs', 'monk'],
    pypi: ['pymongo', 'motor', 'mongoengine', 'flask-mongoengine', 'flask-pymongo', 'beanie', 'odmantic', 'djongo', 'django-mongodb-backend'],
    go: ['go.mongodb.org/mongo-driver', 'github.com/globalsign/mgo', 'gopkg.in/mgo.v2'],
    maven: [
      'org.springframework.boot:spring-boot-starter-data-mongodb', 'org.springframework.boot:spring-boot-starter-data-mongodb-reactive', 'org.springframework.data:spring-data-mongodb',
      'org.mongodb:*', 'io.quarkus:quarkus-mongodb-*', 'org.litote.kmongo:*',
    ],
    nuget: ['MongoDB.Driver', 'MongoDB.EntityFrameworkCore', 'MongoDB.Entities'],
    composer: ['mongodb/mongodb', 'mongodb/laravel-mongodb', 'jenssegers/mongodb', 'doctrine/mongodb-odm', 'doctrine/mongodb-odm-bundle'],
    rubygems: ['mongoid', 'mongo'],
    cargo: ['mongodb', 'wither'],
  },
});

const wideColumn = signalDetector({
  id: 'db.wide-column',
  dependencies: {
    npm: ['cassandra-driver', 'express-cassandra', '@google-cloud/bigtable', 'hbase', 'hbase-rpc-client'],
    pypi: ['cassandra-driver', 'scylla-driver', 'acsylla', 'happybase', 'google-cloud-bigtable', 'django-cassandra-engine'],
    go: ['github.com/gocql/gocql', 'github.com/scylladb/gocqlx', 'cloud.google.com/go/bigtable', 'github.com/tsuna/gohbase'],
    maven: [
      'org.springframework.boot:spring-boot-starter-data-cassandra', 'org.springframework.boot:spring-boot-starter-data-cassandra-reactive', 'org.springframework.data:spring-data-cassandra',
      'com.datastax.oss:*', 'com.datastax.cassandra:*', 'com.scylladb:*', 'org.apache.hbase:hbase-client', 'org.apache.hbase:hbase-shaded-client', 'com.google.cloud:google-cloud-bigtable',
      'com.google.cloud.bigtable:*', 'io.quarkus:quarkus-cassandra-client', 'com.datastax.oss.quarkus:*',
    ],
    nuget: ['CassandraCSharpDriver', 'Google.Cloud.Bigtable.V2', 'Google.Cloud.Bigtable.Admin.V2'],
    rubygems: ['cassandra-driver', 'google-cloud-bigtable'],
    cargo: ['scylla', 'cdrs-tokio', 'cassandra-cpp'],
  },
});

const graph = signalDetector({
  id: 'db.graph',
  dependencies: {
    npm: ['neo4j-driver', 'neo4j-driver-lite', '@neo4j/graphql', '@neo4j/graphql-ogm', 'neode', 'gremlin', 'arangojs', 'dgraph-js', 'dgraph-js-http', '@aws-sdk/client-neptunedata', '@aws-sdk/client-neptune-graph'],
    pypi: ['neo4j', 'neo4j-driver', 'neomodel', 'py2neo', 'gremlinpython', 'python-arango', 'pydgraph'],
    go: ['github.com/neo4j/neo4j-go-driver', 'github.com/apache/tinkerpop/gremlin-go', 'github.com/arangodb/go-driver', 'github.com/dgraph-io/dgo'],
    maven: ['org.springframework.boot:spring-boot-starter-data-neo4j', 'org.springframework.data:spring-data-neo4j', 'org.neo4j.driver:*', 'org.neo4j:neo4j-ogm-*', 'org.apache.tinkerpop:gremlin-driver', 'com.arangodb:*', 'io.dgraph:dgraph4j'],
    nuget: ['Neo4j.Driver', 'Neo4jClient', 'Gremlin.Net', 'ArangoDBNetStandard', 'Dgraph'],
    composer: ['laudis/neo4j-php-client', 'triagens/arangodb'],
    rubygems: ['neo4j-ruby-driver', 'activegraph', 'neo4j', 'arangorb'],
    cargo: ['neo4rs', 'gremlin-client', 'arangors'],
  },
});

export const DATABASE2_DETECTORS: readonly Detector[] = [orm, joins, transactions, relations, indexes, mongodb, wideColumn, graph];
