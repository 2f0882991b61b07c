import * as assert from 'node:assert/strict';
import { isServerAddress } from '../../src/core/milestones/remoteAddress';

describe('a remote on a server or in a folder', () => {
  const servers = [
    'https://github.com/learner/api.git',
    'http://git.internal.example/team/api',
    'HTTPS://GitLab.com/learner/api.git',
    'ssh://git@github.com/learner/api.git',
    'git://git.kernel.org/pub/scm/git/git.git',
    'git@github.com:learner/api.git',
    'github.com:learner/api.git',
    'gh:learner/api',
    'codecommit::us-east-1://api',
    'gcrypt::rsync://host.example/api',
  ];
  const folders = [
    '/srv/git/api.git',
    '../api.git',
    './backup',
    'backup.git',
    '~/remotes/api.git',
    'file:///srv/git/api.git',
    'FILE:///srv/git/api.git',
    'C:\\repos\\api.git',
    'C:/repos/api.git',
    '/srv/git/repo:with-colon.git',
    'folder/sub:name',
    'gcrypt::/srv/git/api.git',
    'file::/srv/git/api.git',
    '',
  ];
  for (const url of servers) {
    it(`server: ${url}`, () => assert.equal(isServerAddress(url), true));
  }
  for (const url of folders) {
    it(`folder: ${JSON.stringify(url)}`, () => assert.equal(isServerAddress(url), false));
  }
});
