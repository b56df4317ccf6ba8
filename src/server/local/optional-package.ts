/**
 * The local engines' packages are optional peer dependencies, loaded on first use. A missing one
 * must say, in one line, what to install, not show Node's resolver error with our bundle's path.
 */

/** An optional package could not be loaded; `message` says what to install. */
export class MissingPackageError extends Error {
  override readonly name = 'MissingPackageError';
  constructor(
    readonly packages: readonly string[],
    purpose: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${purpose} needs ${listOf(packages)}; install ${packages.length > 1 ? 'them' : 'it'}: npm install ${packages.join(' ')}`,
      options,
    );
  }
}

function listOf(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Whether `error` is Node's "cannot find this package" (ESM or CommonJS resolver). */
export function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/**
 * Runs `load` (a literal `import('name')`, so bundlers keep seeing the specifier) and turns
 * "not installed" into a `MissingPackageError` naming `name`. Other failures pass through.
 */
export async function importOptional<T>(
  name: string,
  purpose: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isModuleNotFound(error)) throw new MissingPackageError([name], purpose, { cause: error });
    throw error;
  }
}
