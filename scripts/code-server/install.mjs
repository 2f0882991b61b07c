// Installs code-server (VS Code's server + web workbench) into the project's cache folder, offline.
// Only the npm registry and Debian packages are reachable, so the steps of code-server's own
// postinstall that download from GitHub are done by hand (see docs: real-vscode-offline.md).
// Idempotent: a marker file records a completed install, so a second run returns at once.
//
//   node scripts/code-server/install.mjs          install if missing, print the entry path
//   node scripts/code-server/install.mjs --force  reinstall
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_ROOT = join(PROJECT_ROOT, '.vscode-test');
export const INSTALL_DIR = join(CACHE_ROOT, 'code-server');
const MARKER = join(INSTALL_DIR, `.installed-${CODE_SERVER_VERSION}`);
const PKG_DIR = join(INSTALL_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(PKG_DIR, 'out', 'node', 'entry.js');

export class PrerequisiteError extends Error {}

/** Where Chromium is: $CHROMIUM_PATH, or the Debian binary. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Throws a PrerequisiteError naming the Debian packages to install. */
export function checkPrerequisites({ needBuildTools = true } = {}) {
  const problems = [];
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19) || major >= 22) {
    problems.push(`Node ${process.versions.node} found: code-server ${CODE_SERVER_VERSION} needs Node 20 (>=20.19, <22)`);
  }
  if (!findChromium()) problems.push('Chromium not found: apt-get install chromium (or set CHROMIUM_PATH)');
  if (!which('git')) problems.push('git not found: apt-get install git');
  if (needBuildTools) {
    if (!which('rg')) problems.push('ripgrep not found: apt-get install ripgrep');
    const missing = ['make', 'g++', 'python3', 'pkg-config'].filter((c) => !which(c));
    const krb = existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/krb5.h');
    if (!krb) missing.push('libkrb5-dev headers');
    if (missing.length > 0) {
      problems.push(`build tools missing (${missing.join(', ')}): apt-get install build-essential python3 pkg-config libkrb5-dev`);
    }
  }
  if (problems.length > 0) throw new PrerequisiteError(problems.join('\n'));
}

export function isInstalled() {
  return existsSync(MARKER) && existsSync(CODE_SERVER_ENTRY);
}

/** Environment for npm and node-gyp: root-friendly, non-interactive, local headers, nothing in $HOME. */
function buildEnv() {
  const env = { ...process.env };
  env.npm_config_unsafe_perm = 'true';
  env.npm_config_yes = 'true';
  if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  env.npm_config_cache = join(CACHE_ROOT, 'npm-cache');
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  const xdg = join(CACHE_ROOT, 'install-home');
  env.XDG_CONFIG_HOME = join(xdg, 'config');
  env.XDG_DATA_HOME = join(xdg, 'data');
  env.XDG_CACHE_HOME = join(xdg, 'cache');
  env.npm_config_devdir = join(xdg, 'node-gyp');
  for (const d of [env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME, env.npm_config_devdir]) mkdirSync(d, { recursive: true });
  return env;
}

function run(cmd, args, cwd, env, log) {
  log(`$ (cd ${cwd.replace(PROJECT_ROOT + '/', '')} && ${cmd} ${args.join(' ')})`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`command failed (exit ${r.status ?? r.signal}): ${cmd} ${args.join(' ')} in ${cwd}\n${tail}`);
  }
}

function forceSymlink(target, path) {
  try {
    lstatSync(path);
    unlinkSync(path);
  } catch {
    // not there yet
  }
  symlinkSync(target, path);
}

/**
 * Installs code-server if needed and returns the path of its entry.js.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 */
export function ensureCodeServer({ force = false, log = (l) => console.log(`[code-server install] ${l}`) } = {}) {
  if (!force && isInstalled()) return CODE_SERVER_ENTRY;
  checkPrerequisites();
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (1-3 minutes) ...`);
  const env = buildEnv();
  rmSync(MARKER, { force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  const pkgJson = join(INSTALL_DIR, 'package.json');
  if (!existsSync(pkgJson)) {
    writeFileSync(pkgJson, JSON.stringify({ name: 'code-server-cache', private: true, description: 'Local code-server for Backend Roadmap tests (generated)' }, null, 2) + '\n');
  }
  const npm = 'npm';
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // 1. The package itself, without its scripts (its postinstall downloads from GitHub).
  run(npm, ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], INSTALL_DIR, env, log);
  // 2. argon2: the prebuilt download fails offline; the source build works.
  run(npm, ['rebuild', 'argon2', '--build-from-source'], INSTALL_DIR, env, log);
  // 3. What postinstall.sh does, by hand.
  const vscodeDir = join(PKG_DIR, 'lib', 'vscode');
  run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], vscodeDir, env, log);
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  const rg = which('rg');
  copyFileSync(rg, join(rgDir, 'rg'));
  chmodSync(join(rgDir, 'rg'), 0o755);
  run(npm, ['rebuild'], vscodeDir, env, log);
  forceSymlink('node_modules', join(vscodeDir, 'node_modules.asar'));
  forceSymlink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  forceSymlink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run(npm, ['install', '--omit=dev', ...quiet], join(vscodeDir, 'extensions'), env, log);
  // 4. Smoke test.
  // (--version also writes $XDG_CONFIG_HOME/code-server/config.yaml: env keeps that out of $HOME.)
  const out = execFileSync(process.execPath, [CODE_SERVER_ENTRY, '--version'], { env, encoding: 'utf8' });
  const version = out.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
  if (!version) throw new Error(`unexpected code-server --version output: ${out}`);
  writeFileSync(MARKER, JSON.stringify({ version, installedAt: new Date().toISOString(), node: process.versions.node }, null, 2) + '\n');
  log(`installed ${version} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return CODE_SERVER_ENTRY;
}

/** The installed version line, for messages. */
export function installedVersion() {
  try {
    return JSON.parse(readFileSync(MARKER, 'utf8')).version;
  } catch {
    return undefined;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const already = !process.argv.includes('--force') && isInstalled();
    const entry = ensureCodeServer({ force: process.argv.includes('--force') });
    if (already) console.log(`[code-server install] already installed (${installedVersion() ?? CODE_SERVER_VERSION}) in ${((Date.now() - started) / 1000).toFixed(2)} s`);
    console.log(entry);
  } catch (err) {
    console.error(err instanceof PrerequisiteError ? `Missing prerequisites:\n${err.message}` : String(err instanceof Error ? err.message : err));
    process.exit(1);
  }
}
