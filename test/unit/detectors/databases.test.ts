import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('database detectors', () => {
  describe('db.sql', () => {
    const id = 'db.sql';
    it('pg', () => assertPresent({ 'package.json': '{"dependencies":{"pg":"8"}}' }, id, 'pg in package.json (dependencies)'));
    it('Prisma client', () => assertPresent({ 'package.json': '{"dependencies":{"@prisma/client":"5"},"devDependencies":{"prisma":"5"}}' }, id, '@prisma/client in package.json (dependencies)'));
    it('SQLAlchemy', () => assertPresent({ 'requirements.txt': 'SQLAlchemy==2.0.30\n' }, id, 'SQLAlchemy in requirements.txt'));
    it('a Django model', () => assertPresent({ 'shop/models.py': 'from django.db import models\n\nclass Product(models.Model):\n    name = models.CharField(max_length=100)\n' }, id, 'Django model Product in shop/models.py:3'));
    it('pgx v5', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/jackc/pgx/v5 v5.6.0\n' }, id, 'github.com/jackc/pgx/v5 in go.mod (require)'));
    it('Spring Data JPA', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-data-jpa'\n}\n" }, id, 'org.springframework.boot:spring-boot-starter-data-jpa in build.gradle (implementation)'));
    it('EF Core', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="8.0.0" /></ItemGroup></Project>' }, id, 'Microsoft.EntityFrameworkCore.SqlServer in App.csproj (PackageReference)'));
    it('Doctrine ORM', () => assertPresent({ 'composer.json': '{"require":{"doctrine/orm":"^3"}}' }, id, 'doctrine/orm in composer.json (require)'));
    it('pg gem', () => assertPresent({ 'Gemfile': 'gem "pg", "~> 1.1"\n' }, id, 'pg in Gemfile'));
    it('sqlx', () => assertPresent({ 'Cargo.toml': '[dependencies]\nsqlx = { version = "0.7", features = ["postgres"] }\n' }, id, 'sqlx in Cargo.toml (dependencies)'));
    it('not pg-format-like names, a models.Model in a comment, or a lock file', () =>
      assertAbsent({ 'package.json': '{"dependencies":{"pgtools":"1","sequelize-cli-helper":"1"}}', 'models.py': '# class Product(models.Model):\n', 'package-lock.json': '{"packages":{"node_modules/pg":{}}}' }, id));
  });

  describe('db.nosql', () => {
    const id = 'db.nosql';
    it('mongoose', () => assertPresent({ 'package.json': '{"dependencies":{"mongoose":"8"}}' }, id, 'mongoose in package.json (dependencies)'));
    it('pymongo', () => assertPresent({ 'pyproject.toml': '[project]\ndependencies = ["pymongo>=4"]\n' }, id, 'pymongo in pyproject.toml (project.dependencies)'));
    it('MongoDB Go driver', () => assertPresent({ 'go.mod': 'module x\nrequire go.mongodb.org/mongo-driver v1.15.0\n' }, id, 'go.mongodb.org/mongo-driver in go.mod (require)'));
    it('Spring Data MongoDB', () =>
      assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-mongodb</artifactId></dependency></dependencies></project>' }, id, /spring-boot-starter-data-mongodb in pom\.xml/));
    it('DynamoDB (AWS SDK v3)', () => assertPresent({ 'package.json': '{"dependencies":{"@aws-sdk/client-dynamodb":"3"}}' }, id, '@aws-sdk/client-dynamodb in package.json (dependencies)'));
    it('mongoid gem', () => assertPresent({ 'Gemfile': "gem 'mongoid'\n" }, id, 'mongoid in Gemfile'));
    it('not redis (a cache, not a store here), nor mongodb-memory-server-like names', () =>
      assertAbsent({ 'package.json': '{"dependencies":{"redis":"4","mongodb-uri":"1"}}' }, id));
  });

  describe('db.migrations', () => {
    const id = 'db.migrations';
    it('Rails db/migrate', () => assertPresent({ 'db/migrate/20240101000000_create_users.rb': 'class CreateUsers < ActiveRecord::Migration[7.1]\nend\n' }, id, 'migration db/migrate/20240101000000_create_users.rb'));
    it('Django app migrations', () => assertPresent({ 'shop/migrations/__init__.py': '', 'shop/migrations/0001_initial.py': 'x' }, id, 'migration shop/migrations/0001_initial.py'));
    it('Flyway', () => assertPresent({ 'src/main/resources/db/migration/V1__init.sql': 'create table x (id int);\n' }, id, 'migration src/main/resources/db/migration/V1__init.sql'));
    it('Prisma migrate', () => assertPresent({ 'prisma/migrations/20240101_init/migration.sql': 'CREATE TABLE x();\n' }, id, 'migration prisma/migrations/20240101_init/migration.sql'));
    it('EF Core migrations', () => assertPresent({ 'Data/Migrations/20240101_Initial.cs': 'public partial class Initial : Migration {}\n' }, id, 'migration Data/Migrations/20240101_Initial.cs'));
    it('alembic', () => assertPresent({ 'requirements.txt': 'alembic\n' }, id, 'alembic in requirements.txt'));
    it('golang-migrate files', () => assertPresent({ 'migrations/000001_create_users.up.sql': 'create table users();\n' }, id, 'migration migrations/000001_create_users.up.sql'));
    it('not an empty Django migrations package, nor Laravel’s generated migrations', () =>
      assertAbsent(
        {
          'shop/migrations/__init__.py': '',
          'database/migrations/0001_01_01_000000_create_users_table.php': '<?php\n',
          'database/migrations/2014_10_12_000000_create_users_table.php': '<?php\n',
          'node_modules/x/migrations/1.js': '',
        },
        id,
      ));
  });
});
