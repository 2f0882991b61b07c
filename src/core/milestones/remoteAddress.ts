/**
 * Whether a remote's URL names a server (GitHub, GitLab, a company's git host) rather than a folder on this
 * machine. A bare repository in a folder is a fine way to practise push and pull, but nothing is published
 * there: pushing to it proves remotes, not hosting.
 *
 * Git's own rules (the "GIT URLS" section of git-clone(1)): `scheme://…` is a URL, `file://` being a
 * folder; `[user@]host:path` is the scp-like form of ssh, recognised only when no slash comes before the
 * first colon; `transport::address` hands the address to a remote helper (`codecommit::…`); anything else
 * is a path.
 */
export function isServerAddress(url: string): boolean {
  const helper = /^([A-Za-z][A-Za-z0-9+.-]*)::(.*)$/.exec(url);
  if (helper !== null) {
    // A helper's address is its own business; `file::…` and a path after it stay local.
    return helper[1]?.toLowerCase() !== 'file' && (isServerAddress(helper[2] ?? '') || !looksLikePath(helper[2] ?? ''));
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  if (scheme !== null) {
    return scheme[1]?.toLowerCase() !== 'file';
  }
  const colon = url.indexOf(':');
  // `C:\repo` or `C:/repo` is a Windows drive, not a host called C.
  return colon > 1 && !url.slice(0, colon).includes('/') && !url.slice(0, colon).includes('\\');
}

/** An address a helper would read as a folder: absolute, relative or home-relative. */
function looksLikePath(address: string): boolean {
  return address === '' || /^(?:[./~\\]|[A-Za-z]:[\\/])/.test(address);
}
