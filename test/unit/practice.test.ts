import * as assert from 'node:assert/strict';
import { MILESTONES } from '../../src/core/milestones/catalog';
import { PRACTICE_MILESTONE_IDS, practiceCommandsFor } from '../../src/core/practice/families';
import { distinctShellCommands, practiceEvidence, practiceMilestoneMet, recordsForCommandLine } from '../../src/core/practice/records';
import type { Evidence } from '../../src/core/progress/model';

function records(line: string, exitCode = 0): { milestones: string[]; recorded: string[] } {
  return recordsForCommandLine(line, exitCode);
}

describe('practice: recognising commands', () => {
  /** Per family: lines that count (with what is recorded), and a near miss that does not. */
  const families: { id: string; yes: [string, string][]; nearMiss: string[] }[] = [
    { id: 'practice.dns', yes: [['dig example.com', 'dig'], ['nslookup example.com', 'nslookup'], ['host -t MX example.com', 'host'], ['drill example.com', 'drill'], ['resolvectl query example.com', 'resolvectl query']], nearMiss: ['resolvectl status', 'dig -h', 'digest x'] },
    { id: 'practice.http', yes: [['curl https://api.example.com/users', 'curl'], ['curl -s localhost:3000/health', 'curl'], ['wget -O page.html http://example.com', 'wget'], ['http POST :3000/users name=x', 'http'], ['curl -X POST -H "Authorization: Bearer abc" https://x.dev/v1', 'curl']], nearMiss: ['curl', 'curl -o out.json', 'curl file:///etc/passwd', 'wget --help https://example.com'] },
    { id: 'practice.tls', yes: [['openssl s_client -connect example.com:443', 'openssl s_client'], ['openssl x509 -in cert.pem -noout -text', 'openssl x509'], ['openssl req -new -key k.pem', 'openssl req'], ['curl -v https://example.com', 'curl'], ['curl -sv https://example.com', 'curl']], nearMiss: ['openssl rand -hex 16', 'curl -v http://example.com', 'curl https://example.com'] },
    { id: 'practice.permissions', yes: [['chmod +x run.sh', 'chmod'], ['sudo chown -R www-data: /srv', 'chown'], ['chgrp staff f', 'chgrp'], ['umask', 'umask']], nearMiss: ['chmod --help', 'stat f'] },
    { id: 'practice.processes', yes: [['ps aux', 'ps'], ['top', 'top'], ['htop', 'htop'], ['kill -9 123', 'kill'], ['pkill node', 'pkill'], ['pgrep -f node', 'pgrep'], ['jobs', 'jobs'], ['bg', 'bg'], ['fg', 'fg'], ['lsof -i :3000', 'lsof']], nearMiss: ['top -h', 'killall node'] },
    { id: 'practice.systemd', yes: [['sudo systemctl restart nginx', 'systemctl'], ['journalctl -u nginx -f', 'journalctl']], nearMiss: ['systemctl --version', 'service nginx restart'] },
    { id: 'practice.packages', yes: [['sudo apt install nginx', 'apt install'], ['sudo apt-get -y update', 'apt-get update'], ['dnf search redis', 'dnf search'], ['yum install git', 'yum install'], ['brew install jq', 'brew install'], ['apk add curl', 'apk add'], ['sudo pacman -Syu', 'pacman -Syu'], ['pacman -S git', 'pacman -S']], nearMiss: ['apt list --installed', 'apt remove nginx', 'brew list', 'pacman -Q', 'apk info'] },
    { id: 'practice.ssh', yes: [['ssh deploy@10.0.0.5', 'ssh'], ['ssh-keygen -t ed25519 -C me@example.com', 'ssh-keygen'], ['ssh-copy-id me@host', 'ssh-copy-id'], ['scp a.txt me@host:/tmp', 'scp'], ['sftp me@host', 'sftp']], nearMiss: ['ssh -V', 'sshd -t'] },
    { id: 'practice.network', yes: [['ping -c 3 example.com', 'ping'], ['traceroute example.com', 'traceroute'], ['tracepath example.com', 'tracepath'], ['mtr example.com', 'mtr'], ['ss -tlnp', 'ss'], ['netstat -an', 'netstat'], ['ip addr', 'ip'], ['nc -zv localhost 5432', 'nc'], ['telnet localhost 25', 'telnet']], nearMiss: ['ping --help', 'ifconfig'] },
    { id: 'practice.git-undo', yes: [['git revert HEAD', 'git revert'], ['git reset --hard HEAD~1', 'git reset'], ['git restore src/app.ts', 'git restore'], ['git reflog', 'git reflog'], ['git stash pop', 'git stash'], ['git -C ../api revert abc123', 'git revert'], ['git --no-pager reflog', 'git reflog']], nearMiss: ['git commit -m "revert"', 'git log --grep reset', 'git revert --help', 'git help reset'] },
    { id: 'practice.pull-request', yes: [['gh pr create --fill', 'gh pr create'], ['gh pr merge 12 --squash', 'gh pr merge'], ['glab mr create', 'glab mr create']], nearMiss: ['gh pr list', 'gh issue create', 'glab mr list'] },
    { id: 'practice.docker', yes: [['docker run -p 8080:80 nginx', 'docker run'], ['docker build -t app .', 'docker build'], ['docker volume ls', 'docker volume'], ['docker network create web', 'docker network'], ['docker compose up -d', 'docker compose up'], ['docker compose -f dev.yml up', 'docker compose up'], ['docker-compose up', 'docker-compose up'], ['docker --context prod run app', 'docker run'], ['podman run alpine', 'podman run']], nearMiss: ['docker ps', 'docker compose down', 'docker images', 'docker run --help'] },
    { id: 'practice.k8s', yes: [['kubectl apply -f deploy.yaml', 'kubectl apply'], ['kubectl get pods -A', 'kubectl get'], ['kubectl -n prod describe pod web', 'kubectl describe'], ['kubectl logs web-1', 'kubectl logs'], ['helm install web ./chart', 'helm install'], ['helm upgrade web ./chart', 'helm upgrade']], nearMiss: ['kubectl version', 'kubectl delete pod web', 'helm list', 'kubectl get -h'] },
    { id: 'practice.sql-shell', yes: [['psql -h localhost -U app shop', 'psql'], ['mysql -u root -p', 'mysql'], ['sqlite3 app.db', 'sqlite3'], ['mongosh', 'mongosh'], ['redis-cli -h cache ping', 'redis-cli']], nearMiss: ['psql --version', 'pg_dump shop', 'mysqldump shop'] },
  ];

  it('covers every practice id but practice.shell (tested below)', () => {
    assert.deepEqual(families.map((family) => family.id).sort(), PRACTICE_MILESTONE_IDS.filter((id) => id !== 'practice.shell').sort());
  });
  for (const family of families) {
    describe(family.id, () => {
      for (const [line, recorded] of family.yes) {
        it(`counts: ${line}`, () => {
          const result = records(line);
          assert.ok(result.milestones.includes(family.id), JSON.stringify(result));
          assert.deepEqual(result.recorded, [recorded]);
        });
      }
      for (const line of family.nearMiss) {
        it(`does not count: ${line}`, () => {
          assert.ok(!records(line).milestones.includes(family.id), JSON.stringify(records(line)));
        });
      }
    });
  }

  it('curl -v on an https URL counts for both http and tls, stored once', () => {
    assert.deepEqual(records('curl -v https://example.com'), { milestones: ['practice.http', 'practice.tls'], recorded: ['curl'] });
  });

  describe('chains, pipes and prefixes', () => {
    const cases: [string, string[]][] = [
      ['dig example.com && curl https://example.com', ['dig', 'curl']],
      ['git stash; git reset --hard; git stash pop', ['git stash', 'git reset']],
      ['ps aux | grep node | wc -l', ['ps', 'grep', 'wc']],
      ['ls\ncat README.md', ['ls', 'cat']],
      ['sudo systemctl restart nginx', ['systemctl']],
      ['sudo -u postgres psql', ['psql']],
      ['env PGPASSWORD=hunter2 psql -h db shop', ['psql']],
      ['PGPASSWORD=hunter2 psql shop', ['psql']],
      ['time kubectl get pods', ['kubectl get']],
      ['nice -n 5 tar czf a.tgz . && chmod 600 a.tgz', ['chmod']],
      ['/usr/bin/dig example.com', ['dig']],
      ['(cd infra && kubectl apply -f .)', ['cd', 'kubectl apply']],
      ['false || dig example.com', ['dig']],
      ['for h in a b; do dig $h; done', ['dig']],
    ];
    for (const [line, recorded] of cases) {
      it(`${line} → ${recorded.join(', ')}`, () => assert.deepEqual(records(line).recorded, recorded));
    }
  });

  describe('what does not count', () => {
    const lines = [
      'dig --help', 'dig -h', 'curl --version', 'dig -v', 'man dig', 'echo dig example.com', 'which dig', 'type dig', 'command -v dig', 'whatis dig',
      'echo "dig x"', "bash -c 'dig x'", 'sh -c "kubectl get pods"', '# dig example.com', 'ls # comment only counts the ls', 'echo $(dig +short x)', 'echo `host x`',
      'dig example.com || echo failed', 'dig example.com &', 'sudo -l dig', "dig 'unclosed", 'cat <<EOF\ndig x\nEOF',
    ];
    for (const line of lines) {
      it(`no DNS practice in: ${JSON.stringify(line)}`, () => assert.ok(!records(line).milestones.includes('practice.dns'), JSON.stringify(records(line))));
    }
    it('-h is not help where it means something else', () => {
      assert.deepEqual(records('psql -h localhost shop').recorded, ['psql']);
      assert.deepEqual(records('ls -h').recorded, ['ls']);
    });
    it('only exit code 0 counts', () => {
      assert.deepEqual(records('dig example.com', 1), { milestones: [], recorded: [] });
      assert.deepEqual(records('git revert HEAD', 128), { milestones: [], recorded: [] });
      assert.deepEqual(recordsForCommandLine('dig example.com', undefined), { milestones: [], recorded: [] });
    });
  });
});

describe('practice: what is stored', () => {
  const at = new Date('2024-05-01T10:00:00Z');

  it('one record per milestone and command: program and subcommand, exit code, time, folder, yours', () => {
    assert.deepEqual(practiceEvidence('git revert HEAD~2 && curl -v https://example.com', 0, '/work/shop', at), [
      { milestone: 'practice.git-undo', summary: 'ran `git revert` in the terminal', folder: '/work/shop', command: 'git revert', exitCode: 0, at: '2024-05-01T10:00:00.000Z', yours: true },
      { milestone: 'practice.http', summary: 'ran `curl` in the terminal', folder: '/work/shop', command: 'curl', exitCode: 0, at: '2024-05-01T10:00:00.000Z', yours: true },
      { milestone: 'practice.tls', summary: 'ran `curl` with -v on an https URL in the terminal', folder: '/work/shop', command: 'curl', exitCode: 0, at: '2024-05-01T10:00:00.000Z', yours: true },
    ]);
  });
  it('no folder when the command ran outside the workspace', () => {
    assert.equal(practiceEvidence('dig x', 0, undefined, at)[0]?.folder, undefined);
    assert.ok(!('folder' in (practiceEvidence('dig x', 0, undefined, at)[0] ?? {})));
  });
  it('never stores an argument, a path or an environment value', () => {
    const secrets = ['hunter2', 'ghp_TOKEN123', 'internal.corp', 'alice', 'prod-db', 'secretns', 'id_secret'];
    const lines = [
      'PGPASSWORD=hunter2 psql -h prod-db.internal.corp -U alice shop',
      'curl -v -H "Authorization: Bearer ghp_TOKEN123" https://api.internal.corp/users',
      'sudo -u alice /home/alice/bin/ssh -i ~/.ssh/id_secret alice@prod-db.internal.corp',
      'kubectl -n secretns get secret prod-db -o yaml',
      'gh pr create --title "hunter2" --body ghp_TOKEN123',
      'env TOKEN=ghp_TOKEN123 docker run -e PASS=hunter2 prod-db',
    ];
    for (const line of lines) {
      const evidence = practiceEvidence(line, 0, '/work/shop', at);
      assert.ok(evidence.length > 0, line);
      const stored = JSON.stringify(evidence) + JSON.stringify(recordsForCommandLine(line, 0));
      for (const secret of secrets) {
        assert.ok(!stored.includes(secret), `${secret} stored from: ${line}\n${stored}`);
      }
    }
  });
});

describe('practice.shell: five different commands over time', () => {
  const at = new Date('2024-05-01T10:00:00Z');
  const stored = (...lines: string[]): Evidence[] => lines.flatMap((line) => practiceEvidence(line, 0, '/work/shop', at));

  it('each shell command is recorded towards practice.shell', () => {
    assert.deepEqual(records('ls -la && pwd'), { milestones: ['practice.shell'], recorded: ['ls', 'pwd'] });
  });
  it('four different commands, however often, are not enough', () => {
    const evidence = stored('ls', 'ls -la', 'cd src', 'pwd', 'cat a.txt', 'cat b.txt', 'ls');
    assert.deepEqual(distinctShellCommands(evidence), ['cat', 'cd', 'ls', 'pwd']);
    assert.equal(practiceMilestoneMet('practice.shell', evidence), false);
  });
  it('the fifth different command, in a later line, proves it', () => {
    const evidence = stored('ls', 'cd src', 'pwd', 'cat a.txt', 'grep -rn TODO .');
    assert.equal(practiceMilestoneMet('practice.shell', evidence), true);
  });
  it('failed commands and other milestones do not add to it', () => {
    const evidence = [...stored('ls', 'cd src', 'pwd', 'cat a.txt', 'dig x'), ...practiceEvidence('grep x y', 1, '/work/shop', at)];
    assert.equal(practiceMilestoneMet('practice.shell', evidence), false);
  });
  it('other practice milestones need one successful command', () => {
    assert.equal(practiceMilestoneMet('practice.dns', stored('dig x')), true);
    assert.equal(practiceMilestoneMet('practice.dns', stored('ls')), false);
  });
});

describe('practice: the catalog', () => {
  it('declares each practice id as an event milestone', () => {
    const practice = MILESTONES.filter((m) => m.id.startsWith('practice.'));
    assert.deepEqual(practice.map((m) => m.id), [...PRACTICE_MILESTONE_IDS]);
    assert.ok(practice.every((m) => m.kind === 'event'));
  });
  it('names the commands of each practice id for messages', () => {
    assert.deepEqual(practiceCommandsFor('practice.dns'), ['dig', 'nslookup', 'host', 'drill', 'resolvectl query']);
    assert.deepEqual(practiceCommandsFor('practice.git-undo'), ['git revert/reset/restore/reflog/stash']);
  });
});
