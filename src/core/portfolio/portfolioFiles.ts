/** The three files an export writes, side by side. */
export interface PortfolioFileNames {
  readonly markdown: string;
  readonly html: string;
  readonly proof: string;
}

export const DEFAULT_PORTFOLIO_NAME = 'PORTFOLIO';

/**
 * File names for an export: into a folder, PORTFOLIO.md, PORTFOLIO.html and PORTFOLIO.proof.json; to a file
 * the learner named (`me.md`, or `me` with no extension), the same three names on that base, beside it.
 */
export function portfolioFileNames(chosenFileName?: string): PortfolioFileNames {
  const base = chosenFileName === undefined ? DEFAULT_PORTFOLIO_NAME : chosenFileName.replace(/\.(?:md|markdown|html?|proof\.json|json)$/i, '') || DEFAULT_PORTFOLIO_NAME;
  return { markdown: `${base}.md`, html: `${base}.html`, proof: `${base}.proof.json` };
}
