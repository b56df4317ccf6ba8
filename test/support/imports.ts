import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Module specifiers in `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`.
 * With `runtimeOnly`, type-only imports and exports (erased by the compiler) are left out.
 */
export function moduleSpecifiers(source: string, { runtimeOnly = false } = {}): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(
    /(?:\b(?:import|export)\s+(type\s+)?[^'";]*?\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g,
  )) {
    if (!(runtimeOnly && match[1])) found.push(match[2]!);
  }
  return found;
}
