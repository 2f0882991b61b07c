import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('docs.readme', () => {
  const id = 'docs.readme';
  it('README.md at the root', () => assertPresent({ 'README.md': '# Shop API\n\nRun it with `npm start`.\n' }, id, 'README.md'));
  it('readme.rst at the root', () => assertPresent({ 'readme.rst': 'Shop\n====\n' }, id, 'readme.rst'));
  it('not a README in a subfolder only', () => assertAbsent({ 'docs/README.md': '# Docs\n', 'packages/api/README.md': '# api\n' }, id));
  it('not an empty README', () => assertAbsent({ 'README.md': '\n  \n' }, id));
  it('not the README a generator wrote (Rails)', () =>
    assertAbsent({ 'README.md': '# README\n\nThis README would normally document whatever steps are necessary to get the\napplication up and running.\n' }, id));
});
