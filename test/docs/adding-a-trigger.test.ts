import * as fs from 'fs';
import * as path from 'path';

/**
 * Keeps docs/adding-a-trigger.md true where a test can: the anatomy of every trigger folder, and the
 * places that list every `Trigger` factory.
 */
const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const TRIGGERS_DIR = 'src/triggers';
const PAGES = ['docs/triggers-poll.md', 'docs/triggers-async-push.md', 'docs/triggers-sync.md'];

const folders = fs.readdirSync(path.join(ROOT, TRIGGERS_DIR), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'private')
  .map((e) => e.name);
const factories = [...read(`${TRIGGERS_DIR}/trigger-factories.ts`).matchAll(/public static (\w+)\(/g)].map((m) => m[1]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const filesUnder = (dir: string, ext: RegExp): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })
  .flatMap((e) => e.isDirectory() ? [] : ext.test(e.name) ? [`${dir}/${e.name}`] : []);

test('the guide names the files it asks for', () => {
  const guide = read('docs/adding-a-trigger.md');
  for (const named of ['<kind>-trigger.ts', '<kind>-checks.ts', 'validate<Kind>TriggerOptions', 'src/triggers/trigger-factories.ts',
    'src/index.ts', 'ERROR_CODE_RULES', 'test/triggers/trigger-kinds.ts', 'test/validation/fuzz.test.ts', ...PAGES.map((p) => path.basename(p))]) {
    expect(guide).toContain(named);
  }
  expect(folders.length).toBeGreaterThanOrEqual(16);
  // 18 up to Trigger.kafka; +1 Trigger.documentDb, +1 Trigger.mq (each new factory adds one here).
  expect(factories).toHaveLength(20);
});

describe.each(folders)('src/triggers/%s/', (folder) => {
  const dir = `${TRIGGERS_DIR}/${folder}`;
  const triggerFiles = filesUnder(dir, /-trigger\.ts$/);
  const checksFile = `${dir}/${folder}-checks.ts`;

  test(`has *-trigger.ts and ${folder}-checks.ts`, () => {
    expect(triggerFiles.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(ROOT, checksFile))).toBe(true);
  });

  test('the checks file exports validate<Class>Options for every trigger class of the folder, kept out of src/index.ts', () => {
    const checks = read(checksFile);
    const classes = triggerFiles.flatMap((f) => [...read(f).matchAll(/export class (\w+Trigger) implements ITrigger/g)].map((m) => m[1]));
    expect(classes.length).toBeGreaterThan(0);
    for (const cls of classes) {
      expect(checks).toMatch(new RegExp(`/\\*\\*[^]*?@internal[^]*?\\*/\\s*export function validate${cls}Options\\(\\s*v: Validator`));
    }
    expect(read('src/index.ts')).not.toContain(`${folder}-checks`);
  });
});

describe.each(factories)('Trigger.%s', (factory) => {
  const call = new RegExp(`Trigger\\.${escape(factory)}\\(`);

  test('is a heading on exactly one trigger page', () => {
    const heading = new RegExp(`^#+ .*\`Trigger\\.${escape(factory)}\\(`, 'm');
    expect(PAGES.filter((page) => heading.test(read(page)))).toHaveLength(1);
  });

  test('has a row in the README trigger table', () => {
    expect(read('README.md')).toMatch(new RegExp(`^\\| (?:[^|]*/ )?\`Trigger\\.${escape(factory)}\\(`, 'm'));
  });

  test('has a trigger test, an integ app and a fuzz generator', () => {
    const tests = filesUnder('test/triggers', /\.test\.ts$/).filter((f) => !f.endsWith('bound-once.test.ts'));
    expect(tests.some((f) => call.test(read(f)))).toBe(true);
    expect(filesUnder('integ/triggers', /^integ\..*\.ts$/).some((f) => call.test(read(f)))).toBe(true);
    expect(read('test/validation/fuzz.test.ts')).toMatch(new RegExp(`\\['${escape(factory)}', \\(_?s: Stack\\) => [^]*?Trigger\\.${escape(factory)}\\(`));
    expect(read('test/triggers/trigger-kinds.ts')).toMatch(new RegExp(`\\['${escape(factory)}', `));
  });
});
