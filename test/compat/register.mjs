// `node --import ./test/compat/register.mjs …` with COMPAT_SET=<set>: every import of a peer the
// set pins (react, react-dom, konva, react-konva and their subpaths) resolves as if made from
// test/compat/<set>/, so plain Node runs the built package on that set's versions.
import { readFileSync } from 'node:fs';
import { register } from 'node:module';

const set = process.env.COMPAT_SET;
if (!set) throw new Error('COMPAT_SET is not set: run `node scripts/compat.mjs <set>`.');
const setUrl = new URL(`./${set}/`, import.meta.url);
const { dependencies } = JSON.parse(readFileSync(new URL('package.json', setUrl), 'utf8'));
register('./resolve-peers.mjs', import.meta.url, {
  data: { parentURL: new URL('package.json', setUrl).href, peers: Object.keys(dependencies) },
});
