import * as assert from 'node:assert/strict';
import { commitUrl, fileAtCommitUrl, publicRemoteUrl, remoteRepository, safeLinkUrl } from '../../src/core/portfolio/remoteLinks';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('portfolio: links to the hosting service', () => {
  it('reads GitHub remotes in https, scp-like ssh and ssh:// form', () => {
    for (const url of ['https://github.com/ada/shop-api.git', 'git@github.com:ada/shop-api.git', 'ssh://git@github.com/ada/shop-api', 'ssh://git@ssh.github.com:443/ada/shop-api.git', 'https://github.com/ada/shop-api/']) {
      assert.deepEqual(remoteRepository(url), { service: 'github', webUrl: 'https://github.com/ada/shop-api' }, url);
    }
  });

  it('builds the commit page for each of the three hosts', () => {
    const github = remoteRepository('git@github.com:ada/shop-api.git');
    const gitlab = remoteRepository('https://gitlab.com/school/backend/cohort-3/shop-api.git');
    const bitbucket = remoteRepository('git@bitbucket.org:ada/shop-api.git');
    assert.ok(github && gitlab && bitbucket);
    assert.equal(commitUrl(github, SHA), `https://github.com/ada/shop-api/commit/${SHA}`);
    assert.equal(commitUrl(gitlab, SHA), `https://gitlab.com/school/backend/cohort-3/shop-api/-/commit/${SHA}`);
    assert.equal(commitUrl(bitbucket, SHA), `https://bitbucket.org/ada/shop-api/commits/${SHA}`);
  });

  it('builds the file-at-commit page with its line, encoding the path', () => {
    const github = remoteRepository('https://github.com/ada/shop-api');
    const gitlab = remoteRepository('git@gitlab.com:school/shop-api.git');
    const bitbucket = remoteRepository('https://bitbucket.org/ada/shop-api');
    assert.ok(github && gitlab && bitbucket);
    assert.equal(fileAtCommitUrl(github, SHA, 'deploy/Dockerfile', 3), `https://github.com/ada/shop-api/blob/${SHA}/deploy/Dockerfile#L3`);
    assert.equal(fileAtCommitUrl(gitlab, SHA, 'src/app.ts', 12), `https://gitlab.com/school/shop-api/-/blob/${SHA}/src/app.ts#L12`);
    assert.equal(fileAtCommitUrl(bitbucket, SHA, 'src/app.ts', 12), `https://bitbucket.org/ada/shop-api/src/${SHA}/src/app.ts#lines-12`);
    assert.equal(fileAtCommitUrl(github, SHA, 'my docs/a#b.md'), `https://github.com/ada/shop-api/blob/${SHA}/my%20docs/a%23b.md`);
    assert.equal(fileAtCommitUrl(github, SHA, '../etc/passwd'), undefined);
    assert.equal(fileAtCommitUrl(github, 'HEAD', 'Dockerfile'), undefined);
  });

  it('gives no link for other hosts, local remotes and odd paths', () => {
    for (const url of [
      'https://git.example.com/ada/shop-api.git',
      'git@gitea.example.org:ada/shop-api.git',
      '/home/ada/repos/shop-api.git',
      'file:///home/ada/repos/shop-api.git',
      'C:\\Users\\ada\\shop-api',
      '../shop-api',
      'https://github.com/ada',
      'https://github.com/ada/shop-api/extra',
      'https://github.com/ada/../evil',
      'https://github.com.evil.example/ada/shop-api',
      'javascript:alert(1)//github.com/a/b',
    ]) {
      assert.equal(remoteRepository(url), undefined, url);
    }
  });

  it('strips credentials from remote URLs and never publishes a local one', () => {
    assert.equal(publicRemoteUrl('https://ada:ghp_SECRET123@github.com/ada/shop-api.git'), 'https://github.com/ada/shop-api.git');
    assert.equal(publicRemoteUrl('https://oauth2:glpat-SECRET@gitlab.com/school/shop-api.git'), 'https://gitlab.com/school/shop-api.git');
    assert.equal(publicRemoteUrl('https://ghp_SECRET@git.example.com/shop.git?token=SECRET#x'), 'https://git.example.com/shop.git');
    assert.equal(publicRemoteUrl('ssh://git:SECRET@github.com/ada/shop-api.git'), 'ssh://git@github.com/ada/shop-api.git');
    assert.equal(publicRemoteUrl('git@github.com:ada/shop-api.git'), 'git@github.com:ada/shop-api.git');
    assert.equal(publicRemoteUrl('ada:SECRET@github.com:ada/shop-api.git'), undefined);
    assert.equal(publicRemoteUrl('/home/ada/repos/shop-api.git'), undefined);
    assert.equal(publicRemoteUrl('file:///home/ada/repos/shop-api.git'), undefined);
    // The repository behind a URL with credentials is still found, and its web page has none.
    assert.deepEqual(remoteRepository('https://ada:ghp_SECRET123@github.com/ada/shop-api.git'), { service: 'github', webUrl: 'https://github.com/ada/shop-api' });
  });

  it('links only to https pages without credentials', () => {
    assert.equal(safeLinkUrl('https://github.com/ada'), 'https://github.com/ada');
    assert.equal(safeLinkUrl('javascript:alert(1)'), undefined);
    assert.equal(safeLinkUrl('http://github.com/ada'), undefined);
    assert.equal(safeLinkUrl('https://a:b@github.com/ada'), undefined);
    assert.equal(safeLinkUrl('data:text/html,<script>'), undefined);
  });
});
