/**
 * Language data for the local engine, taken only from the `@tesseract.js-data/<lang>` npm
 * packages (never downloaded). tesseract.js reads every language from one `langPath`, while
 * each package ships its own folder, so the `4.0.0` files are linked (or copied) into one
 * cache folder on first use.
 */

/** Small stable hash, to key the cache folder by where the packages live. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const LANGUAGE_CODE = /^[a-z][a-z0-9_]*$/i;

export function assertLanguageCodes(languages: readonly string[]): void {
  if (languages.length === 0) throw new TypeError('`languages` must name at least one language.');
  for (const language of languages) {
    if (!LANGUAGE_CODE.test(language)) {
      throw new TypeError(`"${language}" is not a tesseract language code (e.g. "eng", "kor").`);
    }
  }
}

/** Resolves each language's `.traineddata.gz` inside its npm package. */
async function findLanguageFiles(languages: readonly string[]): Promise<Map<string, string>> {
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  // Resolve from this module (the installed package); config loaders that transpile to
  // CommonJS may leave import.meta.url empty, so fall back to the working directory.
  const base = typeof import.meta.url === 'string' ? import.meta.url : `${process.cwd()}/`;
  const require = createRequire(base);
  const files = new Map<string, string>();
  for (const language of languages) {
    const name = `@tesseract.js-data/${language}`;
    let packageJson: string;
    try {
      packageJson = require.resolve(`${name}/package.json`);
    } catch (error) {
      throw new Error(
        `The local OCR engine needs the language package ${name}; install it (npm install ${name}).`,
        { cause: error },
      );
    }
    files.set(
      language,
      path.join(path.dirname(packageJson), '4.0.0', `${language}.traineddata.gz`),
    );
  }
  return files;
}

/**
 * A folder holding `<lang>.traineddata.gz` for every language, built under `cacheDir`
 * (default: the OS temp folder). Returns its path, for tesseract.js's `langPath`.
 */
export async function prepareLangPath(
  languages: readonly string[],
  cacheDir?: string,
): Promise<string> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const os = await import('node:os');
  const files = await findLanguageFiles(languages);
  const sources = [...files.values()].sort().join('\n');
  const folder = path.join(cacheDir ?? os.tmpdir(), `react-ocr-overlay-tessdata-${fnv1a(sources)}`);
  await fs.mkdir(folder, { recursive: true });
  for (const [language, source] of files) {
    await fs.access(source).catch((error: unknown) => {
      throw new Error(`The language package file ${source} is missing.`, { cause: error });
    });
    const target = path.join(folder, `${language}.traineddata.gz`);
    const existing = await fs.realpath(target).catch(() => null);
    if (existing === (await fs.realpath(source))) continue;
    // Another process may be doing the same; a temp name plus rename keeps the folder valid.
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.symlink(source, temporary);
    } catch {
      await fs.copyFile(source, temporary); // e.g. Windows without symlink rights
    }
    await fs.rename(temporary, target);
  }
  return folder;
}
