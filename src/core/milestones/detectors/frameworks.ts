import type { Detector } from '../detector';
import type { DependencyRule } from '../manifests/dependencyRule';
import { signalDetector } from '../signals';

/**
 * Server-side web frameworks, by exact package name. Full-stack frontend frameworks (Next.js, Nuxt)
 * and HTTP clients (aiohttp is both) are left out: they do not show server-side work on their own.
 * Other detectors use them to tell server code from a browser app's (see `serverSide.ts`).
 */
export const SERVER_FRAMEWORK_DEPENDENCIES: DependencyRule = {
  npm: [
    'express', '@nestjs/core', '@nestjs/platform-express', '@nestjs/platform-fastify', 'fastify', 'koa', '@hapi/hapi', 'hapi',
    'hono', '@adonisjs/core', 'restify', '@feathersjs/feathers', 'sails', 'elysia', 'polka', '@trpc/server', 'loopback', '@loopback/core',
  ],
  pypi: ['django', 'flask', 'fastapi', 'starlette', 'tornado', 'sanic', 'pyramid', 'falcon', 'bottle', 'quart', 'litestar', 'djangorestframework', 'cherrypy', 'masonite'],
  go: [
    'github.com/gin-gonic/gin', 'github.com/labstack/echo', 'github.com/gofiber/fiber', 'github.com/go-chi/chi', 'github.com/gorilla/mux',
    'github.com/beego/beego', 'github.com/julienschmidt/httprouter', 'github.com/go-kratos/kratos', 'github.com/revel/revel', 'github.com/gobuffalo/buffalo',
  ],
  maven: [
    'org.springframework.boot:spring-boot-starter-web', 'org.springframework.boot:spring-boot-starter-webflux', 'org.springframework:spring-webmvc',
    'io.quarkus:quarkus-rest*', 'io.quarkus:quarkus-resteasy*', 'io.micronaut:micronaut-http-server*', 'io.javalin:javalin', 'io.ktor:ktor-server-*',
    'com.sparkjava:spark-core', 'io.vertx:vertx-web', 'io.dropwizard:dropwizard-core', 'io.helidon.webserver:*', 'org.http4k:http4k-core',
  ],
  nuget: ['Microsoft.NET.Sdk.Web', 'Microsoft.AspNetCore.App', 'Carter', 'FastEndpoints', 'Nancy', 'ServiceStack'],
  composer: [
    'laravel/framework', 'laravel/lumen-framework', 'symfony/framework-bundle', 'slim/slim', 'laminas/laminas-mvc', 'cakephp/cakephp',
    'yiisoft/yii2', 'codeigniter4/framework', 'mezzio/mezzio',
  ],
  rubygems: ['rails', 'sinatra', 'hanami', 'roda', 'grape', 'padrino', 'cuba'],
  cargo: ['actix-web', 'axum', 'rocket', 'warp', 'poem', 'tide', 'salvo', 'gotham'],
};

const webFramework = signalDetector({ id: 'framework.web', dependencies: SERVER_FRAMEWORK_DEPENDENCIES });

export const FRAMEWORK_DETECTORS: readonly Detector[] = [webFramework];
