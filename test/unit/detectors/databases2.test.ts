import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('database detectors, second wave', () => {
  describe('db.orm', () => {
    const id = 'db.orm';
    it('Prisma client', () => assertPresent({ 'package.json': '{"dependencies":{"@prisma/client":"5"}}' }, id, '@prisma/client in package.json (dependencies)'));
    it('a Prisma model', () => assertPresent({ 'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id Int @id\n}\n' }, id, 'Prisma model User in prisma/schema.prisma:5'));
    it('TypeORM and mongoose', () => assertPresent({ 'package.json': '{"dependencies":{"typeorm":"0.3","mongoose":"8"}}' }, id, 'typeorm in package.json (dependencies)'));
    it('SQLAlchemy', () => assertPresent({ 'requirements.txt': 'SQLAlchemy==2.0\n' }, id, 'SQLAlchemy in requirements.txt'));
    it('a Django model', () => assertPresent({ 'shop/models.py': 'from django.db import models\n\nclass Order(models.Model):\n    total = models.IntegerField()\n' }, id, 'Django model Order in shop/models.py:3'));
    it('gorm', () => assertPresent({ 'go.mod': 'module x\nrequire gorm.io/gorm v1.25.0\n' }, id, 'gorm.io/gorm in go.mod (require)'));
    it('Spring Data JPA', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-data-jpa'\n}\n" }, id, /spring-boot-starter-data-jpa in build\.gradle/));
    it('EF Core', () => assertPresent({ 'Api.csproj': '<Project><ItemGroup><PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="8.0.0" /></ItemGroup></Project>' }, id, /Microsoft\.EntityFrameworkCore\.Sqlite in Api\.csproj/));
    it('an Eloquent model of the learner', () => assertPresent({ 'app/Models/Post.php': '<?php\nnamespace App\\Models;\nuse Illuminate\\Database\\Eloquent\\Model;\nclass Post extends Model\n{\n}\n' }, id, 'Eloquent model Post in app/Models/Post.php:4'));
    it('an Active Record model', () => assertPresent({ 'app/models/post.rb': 'class Post < ApplicationRecord\nend\n' }, id, 'Active Record model Post in app/models/post.rb:1'));
    it('Diesel', () => assertPresent({ 'Cargo.toml': '[dependencies]\ndiesel = { version = "2" }\n' }, id, 'diesel in Cargo.toml (dependencies)'));
    it('not query builders (knex, sqlx, Dapper, jOOQ), nor generated Rails/Laravel models, nor a Prisma schema without models', () =>
      assertAbsent(
        {
          'package.json': '{"dependencies":{"knex":"3","pg":"8"}}',
          'Cargo.toml': '[dependencies]\nsqlx = "0.7"\n',
          'Api.csproj': '<Project><ItemGroup><PackageReference Include="Dapper" Version="2" /></ItemGroup></Project>',
          'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  primary_abstract_class\nend\n',
          'app/Models/User.php': '<?php\nclass User extends Authenticatable\n{\n}\n',
          'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\n// model Draft {\n',
          'models.py': '# class Product(models.Model):\n',
        },
        id,
      ));
  });

  describe('db.joins', () => {
    const id = 'db.joins';
    it('a JOIN in a .sql file', () => assertPresent({ 'db/queries.sql': '-- orders per user\nSELECT u.name, o.total\nFROM users u\nJOIN orders o ON o.user_id = u.id;\n' }, id, /^SQL JOIN "JOIN orders o ON o\.user_id =" in db\/queries\.sql:4$/));
    it('a JOIN in a JS template literal', () =>
      assertPresent({ 'src/repo.ts': 'export const q = `\n  SELECT * FROM posts p\n  LEFT JOIN users u ON u.id = p.author_id\n`;\n' }, id, /in src\/repo\.ts:3$/));
    it('a JOIN in a Python query string', () => assertPresent({ 'app/queries.py': 'rows = cursor.execute(\n    "SELECT * FROM a INNER JOIN b USING (id)"\n)\n' }, id, /in app\/queries\.py:2$/));
    it('a JOIN in a Go raw string', () => assertPresent({ 'store/orders.go': 'package store\n\nconst q = `SELECT * FROM orders o JOIN items i ON i.order_id = o.id`\n' }, id, /in store\/orders\.go:3$/));
    it('a JPQL join in a Spring @Query', () => assertPresent({ 'src/main/java/x/OrderRepository.java': 'interface OrderRepository {\n  @Query("select o from Order o join fetch o.items i")\n  List<Order> all();\n}\n' }, id, /JPQL JOIN/));
    it('query builders: knex leftJoin, Laravel join, ActiveRecord joins', async () => {
      await assertPresent({ 'src/users.js': "db('users').leftJoin('orders', 'users.id', 'orders.user_id');\n" }, id, /query-builder join \.leftJoin\(/);
      await assertPresent({ 'app/Repo.php': "<?php\nDB::table('users')->join('contacts', 'users.id', '=', 'contacts.user_id');\n" }, id, /->join\(/);
      await assertPresent({ 'app/models/user.rb': 'User.joins(:orders).where(orders: { paid: true })\n' }, id, /\.joins\(:/);
    });
    it('a MyBatis mapper', () => assertPresent({ 'src/main/resources/OrderMapper.xml': '<mapper><select id="x">SELECT * FROM orders o JOIN users u ON u.id = o.user_id</select></mapper>' }, id, /OrderMapper\.xml:1$/));
    it('not a JOIN in a comment, a docstring, an English sentence, a test file, array/path joins, or a commented-out SQL line', () =>
      assertAbsent(
        {
          'src/a.ts': '// SELECT * FROM a JOIN b ON b.a_id = a.id\nconst names = list.join(", ");\nconst p = path.join("src", "index.ts");\nconst msg = "Please join the team on Monday";\n',
          'app/b.py': 'def orders():\n    """Return rows of: SELECT * FROM a JOIN b ON b.a_id = a.id"""\n    return ", ".join(names)\n',
          'db/c.sql': "-- SELECT * FROM a JOIN b ON b.a_id = a.id;\nSELECT 'JOIN x ON x.y = z' FROM t;\n",
          'test/queries.test.ts': 'const q = "SELECT * FROM a JOIN b ON b.a_id = a.id";\n',
          'README.md': 'SELECT * FROM a JOIN b ON b.a_id = a.id\n',
        },
        id,
      ));
  });

  describe('db.transactions', () => {
    const id = 'db.transactions';
    it('BEGIN … COMMIT in a .sql file', () => assertPresent({ 'db/transfer.sql': 'BEGIN;\nUPDATE accounts SET balance = balance - 10 WHERE id = 1;\nCOMMIT;\n' }, id, 'SQL transaction (BEGIN … COMMIT) in db/transfer.sql:1'));
    it("node-postgres query('BEGIN')", () => assertPresent({ 'src/transfer.js': "await client.query('BEGIN');\nawait client.query('COMMIT');\n" }, id, /SQL 'BEGIN' in src\/transfer\.js:1/));
    it('Prisma $transaction', () => assertPresent({ 'src/service.ts': 'await prisma.$transaction([a, b]);\n' }, id, /transaction \.\$transaction\(/));
    it('knex transaction with a callback', () => assertPresent({ 'src/service.ts': 'await knex.transaction(async (trx) => {\n  await trx("a").insert({});\n});\n' }, id, /transaction \.transaction\(async/));
    it('Django transaction.atomic', () => assertPresent({ 'shop/views.py': 'from django.db import transaction\n\n@transaction.atomic\ndef pay(request):\n    pass\n' }, id, /transaction\.atomic in shop\/views\.py:3/));
    it('SQLAlchemy session.begin()', () => assertPresent({ 'app/service.py': 'with Session() as session:\n    with session.begin():\n        session.add(x)\n' }, id, /with session\.begin\(/));
    it('Go BeginTx', () => assertPresent({ 'store/tx.go': 'package store\n\nfunc pay() {\n\ttx, _ := db.BeginTx(ctx, nil)\n\ttx.Commit()\n}\n' }, id, /BeginTx\(/));
    it('Spring @Transactional', () => assertPresent({ 'src/main/java/x/PayService.java': 'class PayService {\n  @Transactional\n  public void pay() {}\n}\n' }, id, /@Transactional in/));
    it('EF Core BeginTransaction', () => assertPresent({ 'Services/Pay.cs': 'using var tx = await db.Database.BeginTransactionAsync();\n' }, id, /BeginTransactionAsync\(/));
    it('Laravel DB::transaction', () => assertPresent({ 'app/Services/Pay.php': "<?php\nDB::transaction(function () {\n});\n" }, id, /DB::transaction\(/));
    it('ActiveRecord transaction', () => assertPresent({ 'app/services/pay.rb': 'ActiveRecord::Base.transaction do\n  a.save!\nend\n' }, id, /ActiveRecord::Base\.transaction do/));
    it('sqlx begin in Rust', () => assertPresent({ 'src/db.rs': 'let mut tx = pool.begin().await?;\n' }, id, /\.begin\(\)\.await/));
    it('not IndexedDB transactions, a PL/pgSQL block, a log message, a test, nor Prisma’s generated migration', () =>
      assertAbsent(
        {
          'web/store.js': 'const tx = idb.transaction(["notes"], "readwrite");\nconsole.log("BEGIN the import");\n',
          'db/fn.sql': 'CREATE FUNCTION f() RETURNS void AS $$\nBEGIN\n  PERFORM 1;\nEND;\n$$ LANGUAGE plpgsql;\n',
          'prisma/migrations/1_init/migration.sql': 'BEGIN TRY\nBEGIN TRAN;\nCREATE TABLE x (id INT);\nCOMMIT TRAN;\nEND TRY\n',
          'tests/test_pay.py': 'from django.db import transaction\n\n@transaction.atomic\ndef test_pay():\n    pass\n',
          'src/a.ts': '// await prisma.$transaction([a, b]);\n',
        },
        id,
      ));
  });

  describe('db.relations', () => {
    const id = 'db.relations';
    it('REFERENCES in a migration', () => assertPresent({ 'migrations/001_orders.sql': 'CREATE TABLE orders (\n  id serial PRIMARY KEY,\n  user_id int REFERENCES users(id)\n);\n' }, id, /foreign key "REFERENCES users\(id\)" in migrations\/001_orders\.sql:3/));
    it('Prisma @relation', () => assertPresent({ 'prisma/schema.prisma': 'model Post {\n  author   User @relation(fields: [authorId], references: [id])\n}\n' }, id, 'Prisma @relation in prisma/schema.prisma:2'));
    it('Django ForeignKey', () => assertPresent({ 'shop/models.py': 'class Order(models.Model):\n    user = models.ForeignKey(User, on_delete=models.CASCADE)\n' }, id, /relation models\.ForeignKey\( in shop\/models\.py:2/));
    it('SQLAlchemy relationship', () => assertPresent({ 'app/models.py': 'class User(Base):\n    posts = relationship("Post", back_populates="author")\n' }, id, /relationship\(/));
    it('TypeORM @ManyToOne', () => assertPresent({ 'src/post.entity.ts': '@Entity()\nexport class Post {\n  @ManyToOne(() => User, (u) => u.posts)\n  author: User;\n}\n' }, id, /@ManyToOne\(/));
    it('Sequelize belongsTo', () => assertPresent({ 'models/post.js': 'Post.belongsTo(models.User, { foreignKey: "userId" });\n' }, id, /\.belongsTo\(models\.User/));
    it('JPA @OneToMany', () => assertPresent({ 'src/main/java/x/User.java': 'class User {\n  @OneToMany(mappedBy = "user")\n  List<Order> orders;\n}\n' }, id, /@OneToMany/));
    it('EF Core HasMany', () => assertPresent({ 'Data/ShopContext.cs': 'modelBuilder.Entity<User>().HasMany(u => u.Orders).WithOne(o => o.User);\n' }, id, /\.HasMany\(/));
    it('Eloquent hasMany', () => assertPresent({ 'app/Models/User.php': '<?php\nclass User extends Model {\n  public function posts() { return $this->hasMany(Post::class); }\n}\n' }, id, /\$this->hasMany\(/));
    it('Rails has_many', () => assertPresent({ 'app/models/user.rb': 'class User < ApplicationRecord\n  has_many :posts\nend\n' }, id, /has_many :/));
    it('gorm foreignKey tag', () => assertPresent({ 'models/user.go': 'package models\n\ntype User struct {\n\tPosts []Post `gorm:"foreignKey:AuthorID"`\n}\n' }, id, /gorm relation/));
    it('not Laravel’s generated sessions migration, a comment, nor an English "references"', () =>
      assertAbsent(
        {
          'database/migrations/0001_01_01_000000_create_users_table.php': "<?php\n$table->foreignId('user_id')->nullable()->index();\n",
          'app/models/user.rb': '# has_many :posts\n',
          'src/a.ts': 'const note = "see the references in the docs";\n',
          'spec/models/user_spec.rb': 'has_many :posts\n',
        },
        id,
      ));
  });

  describe('db.indexes', () => {
    const id = 'db.indexes';
    it('CREATE INDEX in SQL', () => assertPresent({ 'db/schema.sql': 'CREATE UNIQUE INDEX users_email_idx ON users (email);\n' }, id, /index "CREATE UNIQUE INDEX users_email_idx ON users" in db\/schema\.sql:1/));
    it('MySQL inline KEY', () => assertPresent({ 'db/schema.sql': 'CREATE TABLE users (\n  id INT,\n  email VARCHAR(100),\n  PRIMARY KEY (id),\n  UNIQUE KEY email_uq (email)\n);\n' }, id, /UNIQUE KEY email_uq \(/));
    it('Prisma @@index', () => assertPresent({ 'schema.prisma': 'model Post {\n  id Int @id\n  authorId Int\n  @@index([authorId])\n}\n' }, id, 'Prisma @@index in schema.prisma:4'));
    it('Django db_index', () => assertPresent({ 'shop/models.py': 'class Order(models.Model):\n    code = models.CharField(max_length=8, db_index=True)\n' }, id, /db_index=True/));
    it('TypeORM @Index', () => assertPresent({ 'src/user.entity.ts': '@Index(["email"], { unique: true })\nexport class User {}\n' }, id, /@Index\(/));
    it('mongoose schema.index', () => assertPresent({ 'src/models/user.js': 'userSchema.index({ email: 1 }, { unique: true });\n' }, id, /\.index\(\{/));
    it('mongoose index: true in a schema', () => assertPresent({ 'src/models/token.js': "const tokenSchema = new mongoose.Schema({\n  token: { type: String, required: true, index: true },\n});\n" }, id, 'index mongoose index: true in src/models/token.js:2'));
    it('knex migration index', () => assertPresent({ 'migrations/2024_users.js': "exports.up = (knex) => knex.schema.createTable('users', (table) => {\n  table.string('email').unique();\n});\n" }, id, /table\.string\('email'\)\.unique\(/));
    it('JPA @Table(indexes=…)', () => assertPresent({ 'src/main/java/x/User.java': '@Table(name = "users", indexes = @Index(columnList = "email"))\nclass User {}\n' }, id, /@Table|@Index/));
    it('EF HasIndex', () => assertPresent({ 'Data/ShopContext.cs': 'modelBuilder.Entity<User>().HasIndex(u => u.Email).IsUnique();\n' }, id, /\.HasIndex\(/));
    it('Laravel $table->index', () => assertPresent({ 'database/migrations/2024_05_01_000000_create_posts_table.php': "<?php\n$table->string('slug')->unique();\n" }, id, /->unique\(/));
    it('Rails add_index', () => assertPresent({ 'db/migrate/20240101_add_email_index.rb': 'add_index :users, :email, unique: true\n' }, id, /add_index :/));
    it('gorm index tag', () => assertPresent({ 'models/user.go': 'package models\n\ntype User struct {\n\tEmail string `gorm:"uniqueIndex;not null"`\n}\n' }, id, /gorm index/));
    it('not a primary key, a foreign key, React Router index routes, nor Laravel’s generated users table', () =>
      assertAbsent(
        {
          'db/schema.sql': 'CREATE TABLE t (\n  id INT,\n  u INT,\n  PRIMARY KEY (id),\n  FOREIGN KEY fk_u (u) REFERENCES users(id)\n);\n',
          'web/routes.jsx': 'const routes = [{ index: true, element: <Home /> }];\n',
          'database/migrations/0001_01_01_000000_create_users_table.php': "<?php\n$table->string('email')->unique();\n",
          'src/a.ts': '// CREATE INDEX x ON t (c)\n',
        },
        id,
      ));
  });

  describe('document, wide-column and graph clients', () => {
    it('db.mongodb: mongoose, pymongo, the Go driver, Spring Data MongoDB, MongoDB.Driver, mongoid', async () => {
      await assertPresent({ 'package.json': '{"dependencies":{"mongoose":"8"}}' }, 'db.mongodb', 'mongoose in package.json (dependencies)');
      await assertPresent({ 'requirements.txt': 'pymongo>=4\n' }, 'db.mongodb', 'pymongo in requirements.txt');
      await assertPresent({ 'go.mod': 'module x\nrequire go.mongodb.org/mongo-driver/v2 v2.0.0\n' }, 'db.mongodb', /mongo-driver\/v2 in go\.mod/);
      await assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-mongodb</artifactId></dependency></dependencies></project>' }, 'db.mongodb', /spring-boot-starter-data-mongodb/);
      await assertPresent({ 'Api.csproj': '<Project><ItemGroup><PackageReference Include="MongoDB.Driver" Version="2" /></ItemGroup></Project>' }, 'db.mongodb', /MongoDB\.Driver/);
      await assertPresent({ Gemfile: "gem 'mongoid'\n" }, 'db.mongodb', 'mongoid in Gemfile');
    });
    it('db.mongodb: not Cassandra, DynamoDB, an in-memory test server, nor a lock file', () =>
      assertAbsent({ 'package.json': '{"dependencies":{"cassandra-driver":"4","@aws-sdk/client-dynamodb":"3"},"devDependencies":{"mongodb-memory-server":"9"}}', 'package-lock.json': '{"packages":{"node_modules/mongodb":{}}}' }, 'db.mongodb'));
    it('db.wide-column: Cassandra, gocql, HBase, Bigtable', async () => {
      await assertPresent({ 'package.json': '{"dependencies":{"cassandra-driver":"4"}}' }, 'db.wide-column', 'cassandra-driver in package.json (dependencies)');
      await assertPresent({ 'go.mod': 'module x\nrequire github.com/gocql/gocql v1.6.0\n' }, 'db.wide-column', /gocql/);
      await assertPresent({ 'requirements.txt': 'happybase\n' }, 'db.wide-column', 'happybase in requirements.txt');
      await assertPresent({ 'build.gradle': "dependencies {\n  implementation 'com.google.cloud:google-cloud-bigtable:2.0.0'\n}\n" }, 'db.wide-column', /google-cloud-bigtable/);
    });
    it('db.wide-column: not MongoDB or Redis', () => assertAbsent({ 'package.json': '{"dependencies":{"mongodb":"6","redis":"4"}}' }, 'db.wide-column'));
    it('db.graph: neo4j, gremlin, ArangoDB', async () => {
      await assertPresent({ 'package.json': '{"dependencies":{"neo4j-driver":"5"}}' }, 'db.graph', 'neo4j-driver in package.json (dependencies)');
      await assertPresent({ 'requirements.txt': 'gremlinpython\n' }, 'db.graph', 'gremlinpython in requirements.txt');
      await assertPresent({ 'go.mod': 'module x\nrequire github.com/arangodb/go-driver v1.6.0\n' }, 'db.graph', /arangodb\/go-driver/);
      await assertPresent({ 'Api.csproj': '<Project><ItemGroup><PackageReference Include="Neo4j.Driver" Version="5" /></ItemGroup></Project>' }, 'db.graph', /Neo4j\.Driver/);
    });
    it('db.graph: not GraphQL', () => assertAbsent({ 'package.json': '{"dependencies":{"graphql":"16","@apollo/server":"4"}}' }, 'db.graph'));
  });
});
