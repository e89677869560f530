import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMPLETE_MARKER, isCompleteEntry, publishCacheEntry } from '../../../src/code/python/private/cache-entry';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-entry-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function fill(content: string) {
  return (tmp: string) => {
    fs.writeFileSync(path.join(tmp, 'file'), content);
    return `{"content":"${content}"}\n`;
  };
}

test('a new entry is filled, marked complete last and renamed into place, leaving no temporary directory', () => {
  const dir = path.join(root, 'entry');
  expect(isCompleteEntry(dir)).toBe(false);
  publishCacheEntry(dir, fill('new'));
  expect(isCompleteEntry(dir)).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'file'), 'utf8')).toBe('new');
  expect(fs.readFileSync(path.join(dir, COMPLETE_MARKER), 'utf8')).toBe('{"content":"new"}\n');
  expect(fs.readdirSync(root)).toEqual(['entry']);
});

test('an entry another synth finished first stays; a stale incomplete one is replaced', () => {
  const done = path.join(root, 'done');
  publishCacheEntry(done, fill('first'));
  publishCacheEntry(done, fill('second'));
  expect(fs.readFileSync(path.join(done, 'file'), 'utf8')).toBe('first');

  const stale = path.join(root, 'stale');
  fs.mkdirSync(stale);
  fs.writeFileSync(path.join(stale, 'half'), 'x');
  publishCacheEntry(stale, fill('fresh'));
  expect(fs.readdirSync(stale).sort()).toEqual([COMPLETE_MARKER, 'file'].sort());
  expect(fs.readdirSync(root).sort()).toEqual(['done', 'stale']);
});

test('a failing fill leaves neither the entry nor the temporary directory', () => {
  const dir = path.join(root, 'entry');
  expect(() => publishCacheEntry(dir, () => {
    throw new Error('install failed');
  })).toThrow('install failed');
  expect(isCompleteEntry(dir)).toBe(false);
  expect(fs.readdirSync(root)).toEqual([]);
});
