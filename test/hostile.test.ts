/**
 * What a careless or hostile corpus, or a careless command, must not do (issue 13): replace a
 * user's files or the input itself, hang on a device or a FIFO, publish a file from outside the
 * corpus through a link, or write markup through an option. Real files, links and FIFOs; the
 * CLI in process where the command is what is tested, a real build where the build is.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_TEI, buildCli, teikitInProcess as teikit } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'teikit-hostile-'));
const MEMO = 'Memo\n\nMr. Smith: Original words.\n';

/** A fresh folder under the test's own temporary folder. */
function folder(name: string): string {
  const path = join(work, name);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}

/** A corpus with one edition per name, each made from the same small memo. */
function corpus(name: string, editions: readonly string[]): string {
  const root = folder(name);
  for (const edition of editions) {
    mkdirSync(join(root, edition));
    writeFileSync(join(root, edition, 'source.txt'), MEMO);
  }
  return root;
}

describe('outputs never replace the inputs or a user\'s own files', () => {
  it('convert and render refuse an output that is their input (exit 2), and the input is unchanged', async () => {
    const dir = folder('same-file');
    const source = join(dir, 'x.txt');
    writeFileSync(source, MEMO);
    const converted = await teikit(['convert', source, '-o', source]);
    expect(converted.status).toBe(2);
    expect(converted.stderr).toContain('is the source itself');
    expect(readFileSync(source, 'utf8')).toBe(MEMO);
    // Through a link too: the same file under another name.
    symlinkSync(source, join(dir, 'alias.txt'));
    expect((await teikit(['convert', source, '-o', join(dir, 'alias.txt')])).status).toBe(2);
    expect(readFileSync(source, 'utf8')).toBe(MEMO);

    const tei = join(dir, 'x.xml');
    cpSync(REFERENCE_TEI, tei);
    const rendered = await teikit(['render', tei, '--to', 'html', '-o', tei]);
    expect(rendered.status).toBe(2);
    expect(rendered.stderr).toContain('is the TEI file itself');
    expect(readFileSync(tei, 'utf8')).toBe(readFileSync(REFERENCE_TEI, 'utf8'));
  });

  it('-o writes through a link (the link stays), keeps a file\'s mode and hard links, and "-" is stdout', async () => {
    const dir = folder('write-through');
    const source = join(dir, 'memo.txt');
    writeFileSync(source, MEMO);
    const target = join(dir, 'target.xml');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    symlinkSync(target, join(dir, 'link.xml'));
    expect((await teikit(['convert', source, '-o', join(dir, 'link.xml')])).status).toBe(0);
    expect(lstatSync(join(dir, 'link.xml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('<TEI');
    expect(statSync(target).mode & 0o777).toBe(0o600);

    const linked = join(dir, 'second-name.xml');
    linkSync(target, linked);
    expect((await teikit(['convert', source, '-o', target, '--id', 'hard-link'])).status).toBe(0);
    expect(readFileSync(linked, 'utf8')).toContain('hard-link');
    expect(statSync(target).ino).toBe(statSync(linked).ino);

    const stdout = await teikit(['convert', source, '-o', '-']);
    expect(stdout.status).toBe(0);
    expect(stdout.stdout).toContain('<TEI');
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
  });

  it('-o /dev/null writes into the device and leaves it a device (as root the rename would have replaced it)', async () => {
    const dir = folder('dev-null');
    writeFileSync(join(dir, 'memo.txt'), MEMO);
    expect((await teikit(['convert', join(dir, 'memo.txt'), '-o', '/dev/null'])).status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('build replaces a file at an output\'s name that it did not write with --force, and outputs bearing its mark without a record', () => {
    const root = corpus('foreign-force', ['memo']);
    writeFileSync(join(root, 'memo', 'memo.html'), '<html>my own notes</html>\n');
    const forced = buildCli([root, '--jobs', '1', '--force'], work);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(root, 'memo', 'memo.html'), 'utf8')).toContain('<meta name="generator" content="teikit">');

    // A fresh clone of a repository holding the outputs has no state records: teikit's marks vouch for them.
    rmSync(join(root, 'memo', '.teikit-build.json'));
    writeFileSync(join(root, 'memo', 'source.txt'), `${MEMO}\nMr. Smith: More words.\n`);
    expect(buildCli([root, '--jobs', '1'], work).status).toBe(0);
    expect(readFileSync(join(root, 'memo', 'memo.txt'), 'utf8')).toContain('More words.');
  });
});

/**
 * One corpus holding an edition for each hostile case a build must survive, built once: each
 * test reads its part of the report and of the files.
 */
describe('a build over a hostile corpus', () => {
  const root = corpus('hostile-corpus', ['memo', 'source', 'foreign', 'fifo', 'bad-state', 'bad-state-json']);
  const secret = join(folder('outside'), 'token.txt');
  const mine = '<html>my own notes</html>\n';
  const finished = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  const deadLeftover = join(root, 'memo', `.memo.html.tmp-${finished}-1`);
  const liveLeftover = join(root, 'memo', `.memo.html.tmp-${process.pid}-1`);
  let run: { status: number | null; stderr: string; stdout: string };

  beforeAll(() => {
    writeFileSync(join(root, 'foreign', 'foreign.html'), mine);
    expect(spawnSync('mkfifo', [join(root, 'fifo', 'fifo.html')]).status).toBe(0);
    writeFileSync(join(root, 'index.html'), 'my site\n');
    writeFileSync(secret, 'Memo\n\nMr. Smith: ghp_SECRETTOKEN123 is the token.\n');
    mkdirSync(join(root, 'leak'));
    symlinkSync(secret, join(root, 'leak', 'source.txt'));
    writeFileSync(join(root, 'bad-state', '.teikit-build.json'), JSON.stringify({ format: 1, inputs: 'x', words: '', outputs: { '../../../dev/zero': { size: 0, mtimeMs: 0, sha256: '' } }, record: null }));
    writeFileSync(join(root, 'bad-state-json', '.teikit-build.json'), '[1, 2');
    writeFileSync(deadLeftover, 'half');
    writeFileSync(liveLeftover, 'half');
    // Made step by step with relative names: each is short, the whole path is over PATH_MAX (4,096).
    const made = spawnSync('bash', ['-c', `cd "${root}" && name=$(printf 'd%.0s' $(seq 250)) && for i in $(seq 20); do mkdir "$name" && cd "$name"; done && printf 'Memo\\n\\nText.\\n' > source.txt`]);
    expect(made.status).toBe(0);
    run = buildCli([root], work);
  });

  it('fails (exit 1), with no internal error, and builds every edition that can be built', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('internal error');
    for (const edition of ['memo', 'bad-state', 'bad-state-json']) expect(existsSync(join(root, edition, `${edition}.html`))).toBe(true);
  });

  it('refuses an edition folder named "source", whose reading text would replace its source.txt', () => {
    expect(run.stderr).toContain('its output source.txt would replace its own input source.txt');
    expect(run.stderr).toContain('[build/output-replaces-input]');
    expect(readFileSync(join(root, 'source', 'source.txt'), 'utf8')).toBe(MEMO);
    expect(readdirSync(join(root, 'source'))).toEqual(['source.txt']);
  });

  it('does not replace a file at an output\'s name that it did not write, nor a corpus folder\'s own index.html', () => {
    expect(run.stderr).toContain('foreign.html is in the edition\'s folder, and teikit has no record of writing it');
    expect(readFileSync(join(root, 'foreign', 'foreign.html'), 'utf8')).toBe(mine);
    expect(existsSync(join(root, 'foreign', 'foreign.xml'))).toBe(false);
    expect(run.stderr).toContain('index.html is in the corpus folder and was not written by teikit');
    // A FIFO at an output's name is not read (that would hang the build): it is not teikit's, so the edition is refused.
    expect(run.stderr).toContain('fifo.html is in the edition\'s folder, and teikit has no record of writing it');
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe('my site\n');
  });

  it('refuses a source linked to a file outside the corpus, never printing its content', () => {
    expect(run.stderr).toContain('[build/external-link]');
    expect(run.stderr + run.stdout).not.toContain('SECRETTOKEN');
    expect(readdirSync(join(root, 'leak'))).toEqual(['source.txt']);
  });

  it('takes a state record of the wrong shape, or naming files outside the folder, as "rebuild"', () => {
    expect(run.stderr).toMatch(/built {2}[^\n]*bad-state \(/);
    expect(run.stderr).toMatch(/built {2}[^\n]*bad-state-json \(/);
  });

  it('removes the temporary files of a finished process, and keeps those of a running one (another build may be writing them)', () => {
    expect(existsSync(deadLeftover)).toBe(false);
    expect(existsSync(liveLeftover)).toBe(true);
  });

  it('reports a folder that cannot be read (a path longer than the system allows) on the folder, and validate does too', async () => {
    expect(run.stderr).toMatch(/error: This folder cannot be read \(ENAMETOOLONG\); what it holds is left out\. \[input\/unreadable-folder\]/);
    const validated = await teikit(['validate', join(root, 'memo'), join(root, 'd'.repeat(250))]);
    expect(validated.status).toBe(1);
    expect(validated.stdout).toContain('[input/unreadable-folder]');
    expect(validated.stdout).toContain('1 valid');
  });
});

describe('inputs that are not files, or not the corpus\'s', () => {
  it('a FIFO or a device is refused at once, not read (it would hang or never end)', async () => {
    const dir = folder('fifo');
    const fifo = join(dir, 'source.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const converted = await teikit(['convert', fifo]);
    expect(converted.status).toBe(1);
    expect(converted.stderr).toContain('is not a regular file');
    const validated = await teikit(['validate', '/dev/zero']);
    expect(validated.status).toBe(1);
    expect(validated.stdout + validated.stderr).toContain('/dev/zero: error: The file is not a regular file');
  });

  it('with --allow-external-links, a source linked outside is built, and one linked to /dev/zero fails as not a file, at once', () => {
    const secret = join(folder('outside-allowed'), 'token.txt');
    writeFileSync(secret, 'Memo\n\nMr. Smith: ghp_SECRETTOKEN123 is the token.\n');
    const root = corpus('allowed-links', []);
    mkdirSync(join(root, 'leak'));
    symlinkSync(secret, join(root, 'leak', 'source.txt'));
    mkdirSync(join(root, 'zero'));
    symlinkSync('/dev/zero', join(root, 'zero', 'source.txt'));
    const run = buildCli([root, '--jobs', '1', '--allow-external-links'], work);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/zero\/source\.txt: error: The source is not a regular file/);
    expect(readFileSync(join(root, 'leak', 'leak.txt'), 'utf8')).toContain('SECRETTOKEN');
  });
});

describe('options and records do not smuggle markup or paths', () => {
  it('--schema-base cannot end the xml-model instruction and write a DOCTYPE', async () => {
    const dir = folder('schema-base');
    writeFileSync(join(dir, 'memo.txt'), MEMO);
    const run = await teikit(['convert', join(dir, 'memo.txt'), '--schema-base', 'x?><!DOCTYPE TEI [<!ENTITY e SYSTEM "file:///etc/passwd">]><?y "']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('<!DOCTYPE');
    expect(run.stdout).toContain('href="x?%3E%3C!DOCTYPE%20TEI%20[%3C!ENTITY%20e%20SYSTEM%20%22file:///etc/passwd%22%3E]%3E%3C?y%20%22/teikit.rng"');
    const tei = join(dir, 'memo.xml');
    writeFileSync(tei, run.stdout);
    expect((await teikit(['validate', tei])).status).toBe(0);
  });

});

describe('an edition\'s outputs are replaced all together or not at all', () => {
  it('when one output cannot be replaced, none is', () => {
    const root = corpus('together', ['memo']);
    expect(buildCli([root, '--jobs', '1'], work).status).toBe(0);
    const before = readFileSync(join(root, 'memo', 'memo.xml'), 'utf8');
    // A folder where the reading text goes: its rename must fail, and so the TEI must not change.
    rmSync(join(root, 'memo', 'memo.txt'));
    mkdirSync(join(root, 'memo', 'memo.txt'));
    writeFileSync(join(root, 'memo', 'source.txt'), `${MEMO}\nMr. Smith: Changed.\n`);
    const run = buildCli([root, '--jobs', '1', '--force'], work);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[output/unwritable]');
    expect(readFileSync(join(root, 'memo', 'memo.xml'), 'utf8')).toBe(before);
    expect(readdirSync(join(root, 'memo')).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});

describe('links in the HTML go to the web only', () => {
  it('a TEI\'s URL "javascript:…" (any case, with spaces or control characters inside) is not linked; http(s) is', async () => {
    const dir = folder('javascript-url');
    const reference = readFileSync(REFERENCE_TEI, 'utf8');
    const withUrl = (url: string): string => reference.replace(/<idno type="URI">[^<]*<\/idno>/, `<idno type="URI">${url}</idno>`);
    expect(withUrl('x')).not.toBe(reference);
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java&#9;script:alert(1)', 'data:text/html,x']) {
      const tei = join(dir, 'record.xml');
      writeFileSync(tei, withUrl(url));
      const run = await teikit(['render', tei, '--to', 'html']);
      expect(run.status).toBe(0);
      expect(run.stdout).not.toMatch(/href="[^"]*(?:script:|data:text)/i);
    }
    writeFileSync(join(dir, 'record.xml'), withUrl('https://example.net/a'));
    expect((await teikit(['render', join(dir, 'record.xml'), '--to', 'html'])).stdout).toContain('<a href="https://example.net/a">');
  });

  it('the manifest schema takes only http(s) URLs for baseUrl and the licence, and says so in words', async () => {
    const dir = folder('manifest-url');
    const manifest = join(dir, 'edition.json');
    writeFileSync(manifest, JSON.stringify({ id: 'x', edition: { baseUrl: 'javascript:alert(1)//', licence: { text: 'CC', url: 'data:text/html,x' } } }));
    const run = await teikit(['validate', manifest]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('/edition/baseUrl is not as asked: An http or https URL');
    expect(run.stdout + run.stderr).toContain('/edition/licence/url is not as asked');
  });
});

describe('XML that would exhaust the stack or the clock is refused while it is read', () => {
  const tei = (inner: string, attributes = ''): string => `<TEI xmlns="http://www.tei-c.org/ns/1.0"${attributes}>${inner}</TEI>`;
  const nested = (depth: number): string => tei(`${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`);

  it('nesting deeper than 1,000 is an error at the element that goes too deep; 990 is read (and rendered) like any document', async () => {
    const dir = folder('deep');
    for (const depth of [3000, 100000]) {
      writeFileSync(join(dir, 'deep.xml'), nested(depth));
      for (const command of [['validate'], ['render', '--to', 'html']]) {
        const run = await teikit([command[0]!, join(dir, 'deep.xml'), ...command.slice(1)]);
        expect(run.status).toBe(1);
        // The element at depth 1,001 (<TEI> is depth 1) is the 1,000th <div>: after the 41 characters of <TEI …> and 999 <div>s.
        expect(run.stdout + run.stderr).toContain(`deep.xml:1:${41 + 999 * 5 + 1}: error: Elements are nested more than 1000 deep here`);
      }
    }
    writeFileSync(join(dir, 'deep.xml'), nested(990));
    const validated = await teikit(['validate', join(dir, 'deep.xml')]);
    expect(validated.stdout + validated.stderr).not.toContain('nested more than');
    expect((await teikit(['render', join(dir, 'deep.xml'), '--to', 'text'])).status).toBe(0);
  });

  it('an element with more than 1,000 attributes is an error; the attributes of a normal one are placed where they stand', async () => {
    const dir = folder('attributes');
    const many = Array.from({ length: 50000 }, (_, index) => ` a${index}="v"`).join('');
    writeFileSync(join(dir, 'many.xml'), tei('', many));
    const run = await teikit(['validate', join(dir, 'many.xml')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('many.xml:1:1: error: This element has 50001 attributes');
    // An attribute whose name also occurs inside an earlier value is placed at the name itself.
    writeFileSync(join(dir, 'two.xml'), tei('', ' n="b=" b="c"'));
    expect((await teikit(['validate', join(dir, 'two.xml')])).stdout).toMatch(/two\.xml:1:49: error: [^\n]*\bb\b/);
  });
});

describe('a build has a time limit per edition', () => {
  it('an edition over --timeout fails with its reason and its worker stopped; the build ends, and builds it with time enough', async () => {
    const root = corpus('timeout', ['a', 'b']);
    const slow = buildCli([root, '--jobs', '1', '--timeout', '0.001'], work);
    expect(slow.status).toBe(1);
    expect(slow.stderr.match(/error: Building this edition took longer than 0\.001 s; it was stopped\. \[build\/timeout\]/g)).toHaveLength(2);
    expect(existsSync(join(root, 'a', 'a.xml'))).toBe(false);
    expect(buildCli([root, '--jobs', '1'], work).status).toBe(0);
    expect((await teikit(['build', root, '--timeout', 'soon'])).stderr).toContain('--timeout must be a number of seconds greater than 0 (got "soon")');
  });
});

it('a catalogue that cannot be written is an error in the summary, not a crash', () => {
  const root = corpus('catalogue-unwritable', ['a', 'b']);
  // A folder where the catalogue goes: its rename fails as a full disk's write would.
  mkdirSync(join(root, 'index.html'));
  writeFileSync(join(root, 'index.html', 'x'), '');
  const run = buildCli([root, '--jobs', '1', '--force'], work);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/index\.html: error: The catalogue cannot be written \(E[A-Z]+\)/);
  expect(run.stderr).toContain('2 built');
});

describe('manifests and sources in the wrong form get a clear error at their place', () => {
  const convertWith = async (name: string, manifest: string | Buffer, source: string | Buffer = MEMO): Promise<{ status: number | null; output: string }> => {
    const dir = folder(name);
    writeFileSync(join(dir, 'source.txt'), source);
    writeFileSync(join(dir, 'edition.json'), manifest);
    const run = await teikit(['convert', join(dir, 'source.txt')]);
    return { status: run.status, output: run.stderr };
  };

  it('a Latin-1 manifest is an error at its first non-UTF-8 byte, not "Caf\uFFFD" in the TEI; a UTF-8 byte-order mark is read', async () => {
    const latin1 = await convertWith('latin1', Buffer.from('{"id": "x", "edition": {"publisher": "Caf\xe9"}}', 'latin1'));
    expect(latin1.status).toBe(1);
    expect(latin1.output).toContain('edition.json:1:42: error: The manifest is not valid UTF-8 (byte 0xe9 at byte offset 41)');
    const bom = await convertWith('bom', `\uFEFF${JSON.stringify({ id: 'x' })}`);
    expect(bom.status).toBe(0);
  });

  it('a JSON syntax error is placed where it is, and says what is expected there in one line', async () => {
    const run = await convertWith('syntax', '{\n  "id": "x",\n  "title": "A title"\n  "persons": []\n}\n');
    expect(run.status).toBe(1);
    expect(run.output).toContain('edition.json:3:21: error: The manifest is not valid JSON: A comma or "}" is expected after a property. [manifest/syntax]');
    const quoted = await convertWith('syntax-quote', '{"id": x}');
    expect(quoted.output).toContain('edition.json:1:8: error: The manifest is not valid JSON: A value is expected, not "x" (strings are in double quotes).');
  });

  it('20,000 nested arrays are a schema error, not a stack overflow', async () => {
    const run = await convertWith('nested', `{"id": "x", "persons": ${'['.repeat(20000)}${']'.repeat(20000)}}`);
    expect(run.status).toBe(1);
    expect(run.output).toContain('/persons/0 must be object');
    expect(run.output).not.toContain('internal error');
  });

  it('a 100,000-character name is a schema error (it made a regular expression too large); two persons named alike are reported', async () => {
    const long = await convertWith('long-name', JSON.stringify({ id: 'x', persons: [{ id: 'long', name: `A${'b'.repeat(100000)}` }] }));
    expect(long.status).toBe(1);
    expect(long.output).toContain('/persons/0/name must NOT have more than 200 characters');
    const twice = await convertWith('same-name', JSON.stringify({ id: 'x', persons: [{ id: 'smith', name: 'Mr. Smith' }, { id: 'smith-2', name: 'Mr. Smith' }] }));
    expect(twice.status).toBe(1);
    expect(twice.output).toContain('"Mr. Smith" already names the person "smith" (persons entry 1); one form of a name can name one person only.');
  });

  it('a UTF-16 source is called UTF-16, with the command that converts it', async () => {
    const dir = folder('utf16');
    writeFileSync(join(dir, 'le.txt'), Buffer.from(MEMO, 'utf16le'));
    const run = await teikit(['convert', join(dir, 'le.txt')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: The source is UTF-16 (little-endian); teikit reads UTF-8.');
    expect(run.stderr).toContain('iconv -f UTF-16LE -t UTF-8');
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MEMO, 'utf16le')]));
    expect((await teikit(['convert', join(dir, 'bom.txt')])).stderr).toContain('UTF-16 (little-endian, with a byte-order mark)');
  });
});

describe('reports stay readable and well-formed whatever the input', () => {
  it('one rule\'s diagnostics past 100 in a file are counted in one line, not listed (100,000 unbalanced brackets: 18 MB before)', async () => {
    const dir = folder('storm');
    writeFileSync(join(dir, 'storm.txt'), `Memo\n\nMr. Smith: ${'[ '.repeat(100000)}\n`);
    const run = await teikit(['convert', join(dir, 'storm.txt')]);
    expect(run.status).toBe(0);
    expect(run.stderr.length).toBeLessThan(100000);
    expect(run.stderr.match(/\[brackets\/unbalanced\]/g)).toHaveLength(101);
    expect(run.stderr).toContain('warning: 99900 more diagnostics of this rule in this file, from here on, not listed (the first 100 are). [brackets/unbalanced]');
  });

  it('a newline or a control character in a file name is shown escaped: it cannot forge a diagnostic line, and JUnit stays well-formed XML', async () => {
    const { XMLValidator } = await import('fast-xml-parser');
    const dir = folder('control-names');
    const name = join(dir, 'a\nsource.txt:1:1: error: forged [x]\u0001.xml');
    writeFileSync(name, '<TEI xmlns="http://www.tei-c.org/ns/1.0"><nothing/></TEI>');
    const text = await teikit(['validate', name]);
    expect(text.status).toBe(1);
    expect(text.stdout.split('\n').filter((line) => line.startsWith('source.txt'))).toEqual([]);
    expect(text.stdout).toContain('a\\nsource.txt:1:1: error: forged [x]\\x01.xml:1:');
    const junit = await teikit(['validate', name, '--format', 'junit']);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain('name="' + join(dir, 'a\\nsource.txt:1:1: error: forged [x]\\x01.xml') + '"');
  });
});

describe('validate --schema reads project schemas made of several files, and trusts no swapped cache', () => {
  const grammar = (body: string): string => `<grammar xmlns="http://relaxng.org/ns/structure/1.0">${body}</grammar>`;

  it('a schema with <include> and one with <externalRef> validate like the single-file schema they make up', async () => {
    const dir = folder('schema-include');
    writeFileSync(join(dir, 'part.rng'), grammar('<define name="doc"><element name="doc"><text/></element></define>'));
    writeFileSync(join(dir, 'main.rng'), grammar('<include href="part.rng"/><start><ref name="doc"/></start>'));
    writeFileSync(join(dir, 'pattern.rng'), '<element name="doc" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>');
    writeFileSync(join(dir, 'external.rng'), grammar('<start><externalRef href="pattern.rng"/></start>'));
    writeFileSync(join(dir, 'good.xml'), '<doc>x</doc>');
    writeFileSync(join(dir, 'bad.xml'), '<doc><y/></doc>');
    for (const schema of ['main.rng', 'external.rng']) {
      const run = await teikit(['validate', '--schema', join(dir, schema), join(dir, 'good.xml'), join(dir, 'bad.xml')]);
      expect(run.stdout).toContain('bad.xml:1:6: error: Tag not allowed here: y. [relaxng/element-not-allowed]');
      expect(run.stdout).toContain('2 files checked: 1 valid, 1 invalid');
    }
  });

  it('a cache file replaced by the compiled form of a permissive schema is not used', async () => {
    const { compileSchema, validateDocument } = await import('../src/validate/index.js');
    const dir = folder('schema-cache');
    const cache = join(dir, 'cache');
    const saved = process.env.TEIKIT_CACHE_DIR;
    process.env.TEIKIT_CACHE_DIR = cache;
    try {
      writeFileSync(join(dir, 'strict.rng'), grammar('<start><element name="doc"><empty/></element></start>'));
      writeFileSync(join(dir, 'loose.rng'), grammar('<start><element name="doc"><zeroOrMore><choice><text/><element><anyName/><text/></element></choice></zeroOrMore></element></start>'));
      const document = Buffer.from('<doc><y>x</y></doc>');
      const invalid = (schema: Awaited<ReturnType<typeof compileSchema>>): boolean => !validateDocument(document, 'doc.xml', { schema, rules: [] }).valid;
      expect(invalid(await compileSchema(join(dir, 'loose.rng')))).toBe(false);
      const [loose] = readdirSync(cache);
      expect(invalid(await compileSchema(join(dir, 'strict.rng')))).toBe(true);
      const [strict] = readdirSync(cache).filter((file) => file !== loose);
      // The loose schema's cache under the strict schema's name: the strict schema must still find the error.
      cpSync(join(cache, loose!), join(cache, strict!));
      expect(invalid(await compileSchema(join(dir, 'strict.rng')))).toBe(true);
      // and the cache is whole again.
      expect(readFileSync(join(cache, strict!), 'utf8')).not.toBe(readFileSync(join(cache, loose!), 'utf8'));
    } finally {
      if (saved === undefined) delete process.env.TEIKIT_CACHE_DIR;
      else process.env.TEIKIT_CACHE_DIR = saved;
    }
  });
});

it('a build hears a stop while it is still reading the corpus (planning yields), and says nothing is up to date that it did not read', async () => {
  const { build } = await import('../src/build/index.js');
  const root = corpus('stop-while-planning', Array.from({ length: 50 }, (_, index) => `e${index}`));
  const controller = new AbortController();
  const events: string[] = [];
  // Queued before the build starts: it runs at the planning's first yield.
  setImmediate(() => controller.abort());
  const summary = await build({ directories: [root], jobs: 1, signal: controller.signal, onEvent: (event) => events.push(event.type) });
  expect(summary.interrupted).toBe(true);
  expect(summary.built).toBe(0);
  expect(summary.skipped).toBe(0);
  expect(events).toEqual([]);
  expect(readdirSync(join(root, 'e0'))).toEqual(['source.txt']);
});
