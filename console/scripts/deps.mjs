// `npm ci`, but only when package-lock.json changed since the last one: a Maven build of the console stays fast when
// nothing changed, and a fresh clone (or a changed lock) always gets exactly the locked tree.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.npm-ci-stamp';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  console.log('node_modules matches package-lock.json');
} else {
  execSync('npm ci --no-audit --no-fund --prefer-offline', { stdio: 'inherit' });
  writeFileSync(stamp, lock);
}
