import type { Detector } from '../detector';
import { signalDetector } from '../signals';

/** Lines that only project generators write into a README (the learner has not written it yet). */
const GENERATED_README = [
  /This README would normally document whatever steps are necessary to get the\s+application up and running/,
  /\[Nest\]\(https:\/\/github\.com\/nestjs\/nest\) framework TypeScript starter repository/,
  /<a href="https:\/\/laravel\.com" target="_blank"><img src="https:\/\/raw\.githubusercontent\.com\/laravel\/art/,
  /This project was bootstrapped with \[Create React App\]/,
  /This is a \[Next\.js\]\(https:\/\/nextjs\.org\) project bootstrapped with/,
];

const readme = signalDetector({
  id: 'docs.readme',
  files: [
    {
      rule: { namePattern: /^readme(\.(md|markdown|rst|txt|adoc|org))?$/, rootOnly: true, globs: ['{README,readme,Readme,README.*,readme.*,Readme.*}'] },
      content: (text, path) => {
        if (text.trim() === '' || GENERATED_README.some((pattern) => pattern.test(text))) {
          return undefined;
        }
        return { summary: path };
      },
    },
  ],
});

export const DOCS_DETECTORS: readonly Detector[] = [readme];
