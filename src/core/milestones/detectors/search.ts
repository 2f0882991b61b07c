import type { Detector } from '../detector';
import { signalDetector } from '../signals';

const searchEngine = signalDetector({
  id: 'search.engine',
  dependencies: {
    npm: ['@elastic/elasticsearch', 'elasticsearch', '@opensearch-project/opensearch', 'meilisearch', 'typesense', 'solr-client', '@nestjs/elasticsearch'],
    pypi: ['elasticsearch', 'elasticsearch-dsl', 'elasticsearch8', 'opensearch-py', 'pysolr', 'meilisearch', 'typesense', 'django-elasticsearch-dsl'],
    go: ['github.com/elastic/go-elasticsearch', 'github.com/olivere/elastic', 'github.com/opensearch-project/opensearch-go', 'github.com/meilisearch/meilisearch-go', 'github.com/typesense/typesense-go'],
    maven: [
      'org.springframework.boot:spring-boot-starter-data-elasticsearch', 'co.elastic.clients:elasticsearch-java', 'org.elasticsearch.client:*', 'org.opensearch.client:*',
      'org.apache.solr:solr-solrj', 'com.meilisearch.sdk:*', 'org.typesense:*', 'org.springframework.data:spring-data-elasticsearch',
    ],
    nuget: ['Elastic.Clients.Elasticsearch', 'NEST', 'Elasticsearch.Net', 'OpenSearch.Client', 'SolrNet', 'MeiliSearch', 'Typesense'],
    composer: ['elasticsearch/elasticsearch', 'opensearch-project/opensearch-php', 'solarium/solarium', 'meilisearch/meilisearch-php', 'typesense/typesense-php', 'ruflin/elastica', 'friendsofsymfony/elastica-bundle'],
    rubygems: ['elasticsearch', 'elasticsearch-model', 'elasticsearch-rails', 'searchkick', 'opensearch-ruby', 'rsolr', 'sunspot_rails', 'meilisearch', 'meilisearch-rails', 'typesense', 'chewy'],
    cargo: ['elasticsearch', 'opensearch', 'meilisearch-sdk', 'typesense', 'typesense_codegen'],
  },
});

export const SEARCH_DETECTORS: readonly Detector[] = [searchEngine];
