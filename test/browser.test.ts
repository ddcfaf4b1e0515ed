/**
 * The HTML edition in a real browser (Debian's chromium through playwright-core): it opens
 * without errors or network requests, the view switch changes what is shown (with the keyboard
 * too), an anchor lands on its paragraph, and axe-core finds no serious accessibility problem.
 * Its layout at a desktop's and a phone's width: the text first, the apparatus beside it or one
 * click away, notes, persons, turns and the corpus linked both ways, and a print without the
 * navigation. The catalogue a build writes: its search and filters work under its own CSP, offline;
 * a corpus larger than a page gets pages without script and a search index loaded in parts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCatalogue } from '../src/build/catalogue/index.js';
import { readingOrder } from '../src/build/navigation.js';
import { render } from '../src/render/index.js';
import { FIXTURES, REFERENCE_TEI, ROOT, buildCli, makeBuildCorpus, stateCorpus } from './helpers.js';

const EDITION_URL = pathToFileURL(REFERENCE_TEI.replace(/\.xml$/, '.html')).href;
/** The bundled editions as the build wrote them (with the corpus bar), and the catalogue. */
const BUNDLED = ['wilson-121798', 'frus-1944v06-d243', 'frus-1949v09-d550'].map((name) => pathToFileURL(join(ROOT, 'editions', name, `${name}.html`)).href);
const BUNDLED_CATALOGUE = pathToFileURL(join(ROOT, 'editions', 'index.html')).href;
/** An edition with a footnote (FRUS 1944 vol. VI, document 243). */
const NOTES_URL = BUNDLED[1]!;

/** Where an element is on the page, in viewport pixels. */
const box = async (page: Page, selector: string): Promise<{ top: number; bottom: number; left: number; right: number }> =>
  page.locator(selector).first().evaluate((element) => {
    const { top, bottom, left, right } = element.getBoundingClientRect();
    return { top, bottom, left, right };
  });
const ARTIFACTS = join(ROOT, 'test-output', 'browser');

let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleMessages: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  page = await context.newPage();
  page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(EDITION_URL);
});

afterAll(async () => {
  await browser?.close();
});

describe('the HTML edition in chromium', () => {
  it('should open with no console message and no request but its own file', () => {
    expect(consoleMessages).toEqual([]);
    expect(requests).toEqual([EDITION_URL]);
  });

  it('should show the reading view first and the diplomatic view after the switch', async () => {
    const bracket = page.locator('#p1 .supplied .dip').first();
    const sicFlag = page.locator('.flag').first();
    await expect.poll(() => bracket.isVisible()).toBe(false);
    expect(await sicFlag.isVisible()).toBe(false);
    await page.locator('#view-diplomatic').check();
    expect(await bracket.isVisible()).toBe(true);
    expect(await page.locator('#p1').innerText()).toContain('Nie [Rongzhen]');
    expect(await sicFlag.isVisible()).toBe(true);
    await page.locator('#view-reading').check();
    expect(await page.locator('#p1').innerText()).toContain('Nie Rongzhen');
  });

  it('should let the keyboard switch the view', async () => {
    await page.locator('#view-reading').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#view-diplomatic').isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#view-reading').isChecked()).toBe(true);
  });

  it('should land an anchor link on its paragraph', async () => {
    await page.goto(`${EDITION_URL}#p30`);
    const top = await page.locator('#p30').evaluate((element) => element.getBoundingClientRect().top);
    // At the top of the viewport, give or take the sub-pixel rounding of the scroll position.
    expect(top).toBeGreaterThan(-2);
    expect(top).toBeLessThan(50);
    await page.locator('#p30 .pilcrow').click();
    expect(page.url()).toBe(`${EDITION_URL}#p30`);
  });

  it('should lead from a participant to their turns and back', async () => {
    await page.goto(EDITION_URL);
    await page.locator('#person-nam-il a').first().click();
    expect(page.url()).toMatch(/#sp\d+$/);
    const turn = new URL(page.url()).hash;
    expect(await page.locator(`${turn} .speaker`).innerText()).toContain('Nam Il');
  });

  it('should pass axe-core with no serious or critical violation, in both views', async () => {
    const violations = async (builder: AxeBuilder) =>
      (await builder.analyze()).violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.length} nodes`);
    await page.goto(EDITION_URL);
    expect(await violations(new AxeBuilder({ page }))).toEqual([]);
    // The switch changes only what the text shows (the marks of the diplomatic view): the text is checked again.
    await page.locator('#view-diplomatic').check();
    expect(await violations(new AxeBuilder({ page }).include('main'))).toEqual([]);
  });

  it('should save a screenshot of the edition as a test artifact', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.goto(EDITION_URL);
    const path = join(ARTIFACTS, 'wilson-121798.png');
    const image = await page.screenshot({ path, fullPage: false });
    expect(image.length).toBeGreaterThan(10_000);
  });
});

describe('the reading edition\'s layout', () => {
  let wide: Page;
  let narrow: Page;

  beforeAll(async () => {
    wide = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    narrow = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  });

  it('at 1280×900 shows the title, the date and source line and the whole first paragraph without scrolling', async () => {
    for (const url of BUNDLED) {
      await wide.goto(url);
      for (const selector of ['h1', '.record-line', 'main .para']) {
        const { top, bottom } = await box(wide, selector);
        expect(top, `${selector} in ${url}`).toBeGreaterThanOrEqual(0);
        expect(bottom, `${selector} in ${url}`).toBeLessThanOrEqual(900);
      }
    }
  });

  it('at 1280×900 keeps the apparatus in a column of its own beside the text, which stays in view and scrolls on its own', async () => {
    await wide.goto(BUNDLED[0]!);
    const about = await box(wide, '#about');
    const text = await box(wide, 'main');
    expect(about.right).toBeLessThanOrEqual(text.left);
    await wide.evaluate(() => window.scrollTo(0, 6000));
    expect(Math.abs((await box(wide, '#about')).top)).toBeLessThan(2);
    const scrolls = await wide.locator('#about').evaluate((element) => getComputedStyle(element).overflowY === 'auto' && element.scrollHeight > element.clientHeight);
    expect(scrolls).toBe(true);
    // Every part of the apparatus is in it: one click (a fold) away at most.
    for (const id of ['record', 'summary', 'contents', 'participants', 'speaking', 'cite', 'conventions']) {
      expect(await wide.locator(`#about > details#${id} > summary h2`).count(), id).toBe(1);
    }
  });

  it('at 1280×900 sets a footnote in the margin beside its reference, and at 390 only at the end', async () => {
    await wide.goto(NOTES_URL);
    const reference = await box(wide, 'sup.noteref');
    const margin = await box(wide, '.sidenote');
    expect(margin.left).toBeGreaterThan((await box(wide, 'main .para')).right);
    expect(Math.abs(margin.top - reference.top)).toBeLessThan(40);
    expect(await wide.locator('.sidenote').first().innerText()).toContain('Not printed');
    await narrow.goto(NOTES_URL);
    expect(await narrow.locator('.sidenote').first().isVisible()).toBe(false);
    expect(await narrow.locator('#fn-33').isVisible()).toBe(true);
  });

  it('at 390×844 scrolls nowhere sideways and starts the text within the first two screens', async () => {
    for (const url of [...BUNDLED, BUNDLED_CATALOGUE]) {
      await narrow.goto(url);
      const widths = await narrow.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(widths.page, url).toBeLessThanOrEqual(widths.view);
    }
    for (const url of BUNDLED) {
      await narrow.goto(url);
      expect((await box(narrow, 'main .para')).top, url).toBeLessThan(2 * 844);
      // The rest is one click away: the link under the title leads to it.
      await narrow.locator('.about-link').click();
      expect(new URL(narrow.url()).hash).toBe('#about');
      const about = await box(narrow, '#about');
      expect(about.top).toBeGreaterThanOrEqual(0);
      expect(about.top).toBeLessThan(844);
    }
  });

  it('links every in-page reference to an element that exists, in every bundled edition', async () => {
    for (const url of BUNDLED) {
      await wide.goto(url);
      const broken = await wide.evaluate(() =>
        Array.from(document.querySelectorAll('a[href^="#"]')).map((link) => link.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id))));
      expect(broken, url).toEqual([]);
    }
  });

  it('leads from a note to its text and back', async () => {
    await wide.goto(NOTES_URL);
    await wide.locator('sup.noteref a').first().click();
    expect(new URL(wide.url()).hash).toBe('#fn-33');
    await wide.locator('#fn-33 a[href="#ref-fn-33"]').click();
    expect(new URL(wide.url()).hash).toBe('#ref-fn-33');
    const { top } = await box(wide, '#ref-fn-33');
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
  });

  it('leads from a person\'s name to their entry (role, group, turns) and back to the paragraph that names them', async () => {
    await wide.goto(BUNDLED[0]!);
    const name = wide.locator('#p1 a.person').first();
    const who = (await name.getAttribute('href'))!;
    await name.click();
    expect(new URL(wide.url()).hash).toBe(who);
    const entry = wide.locator(who);
    expect(await entry.isVisible()).toBe(true);
    // The group is the list's heading; the entry lists the person's turns and where they are named.
    expect(await entry.locator('xpath=../preceding-sibling::h3[1]').innerText()).toBe('All members of the KWP CC presidium');
    expect(await entry.innerText()).toMatch(/Turns: \d/);
    await entry.locator('a[href="#p1"]').click();
    expect(new URL(wide.url()).hash).toBe('#p1');
  });

  it('leads from a turn to the same speaker\'s next turn and back', async () => {
    await wide.goto(BUNDLED[0]!);
    const first = wide.locator('section.turn:has(.turn-nav a[rel="next"])').first();
    const id = (await first.getAttribute('id'))!;
    const speaker = await first.locator('.speaker').evaluate((heading) => heading.closest('section')!.querySelector('a.who')?.getAttribute('href'));
    await first.locator('.turn-nav a[rel="next"]').click();
    const next = new URL(wide.url()).hash;
    expect(next).not.toBe(`#${id}`);
    expect(await wide.locator(`${next} a.who`).first().getAttribute('href')).toBe(speaker);
    await wide.locator(`${next} .turn-nav a[rel="prev"]`).click();
    expect(new URL(wide.url()).hash).toBe(`#${id}`);
  });

  it('offers a table of contents of a long record\'s turns', async () => {
    await wide.goto(BUNDLED[0]!);
    const entries = wide.locator('#contents ol.contents a');
    expect(await entries.count()).toBe(await wide.locator('main section.turn').count());
    await entries.nth(2).click();
    expect(await wide.locator(`${new URL(wide.url()).hash}`).getAttribute('class')).toBe('turn');
  });

  it('prints the text with its notes, without the navigation and the apparatus column', async () => {
    await wide.goto(NOTES_URL);
    await wide.emulateMedia({ media: 'print' });
    for (const hidden of ['nav.corpus', '#views', '#about', '.sidenote']) expect(await wide.locator(hidden).first().isVisible(), hidden).toBe(false);
    for (const shown of ['h1', 'main .para', '#fn-33']) expect(await wide.locator(shown).first().isVisible(), shown).toBe(true);
    const pdf = await wide.pdf();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await wide.emulateMedia({ media: 'screen' });
  });

  it('leads through the corpus: to the catalogue, and to the previous and next edition by date', async () => {
    await wide.goto(BUNDLED[1]!);
    expect(await wide.locator('nav.corpus a[rel="prev"]').count()).toBe(0);
    await wide.locator('nav.corpus a[rel="next"]').click();
    expect(wide.url()).toBe(BUNDLED[2]);
    await wide.locator('nav.corpus a[rel="next"]').click();
    expect(wide.url()).toBe(BUNDLED[0]);
    expect(await wide.locator('nav.corpus a[rel="next"]').count()).toBe(0);
    await wide.locator('nav.corpus a[rel="prev"]').click();
    expect(wide.url()).toBe(BUNDLED[2]);
    await wide.locator('nav.corpus .corpus-catalogue a').click();
    expect(wide.url()).toBe(BUNDLED_CATALOGUE);
    // The catalogue lists them in that same order.
    const listed = await wide.locator('#editions > li h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(listed).toEqual([BUNDLED[1], BUNDLED[2], BUNDLED[0]]);
  });

  it('passes axe-core with no serious or critical violation in the wide layout too (margin notes, apparatus column)', async () => {
    // The whole page is checked above (the reference edition at 1000 px, in both views), as is the catalogue;
    // what the wide layout adds is checked here: the apparatus column and a margin note (FRUS 1949 vol. IX, document 550: note 87).
    await wide.goto(BUNDLED[2]!);
    expect(await wide.locator('.sidenote').count()).toBeGreaterThan(0);
    const violations = (await new AxeBuilder({ page: wide }).include('#about').include('.sidenote').include('nav.corpus').analyze()).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('other projects\' TEI of each kind in chromium: a screenshot and the kind\'s landmarks', () => {
  // [kind, fixture, what a reader of that kind looks for first]
  const KINDS: [string, string, string][] = [
    ['critical apparatus', 'more/pta-pta0001.pta030-apparatus.xml', 'main .app'],
    ['drama', 'rusdracor-pushkin-mocart-i-saleri.xml', 'main section.turn > .speaker'],
    ['verse with line numbers', 'minimal-cases/18-l-n.xml', 'main p.line[id^="l-"]'],
    ['parliamentary session', 'more/parlamint-tr-2018-07-07.xml', 'main section.turn > .speaker'],
    ['inscription (EpiDoc, Leiden)', 'isicily-ISic000715-epidoc.xml', 'main .supplied'],
    ['documentary transcription (sourceDoc)', 'minimal-cases/10-sourceDoc-only.xml', 'main .zone'],
    ['table', 'minimal-cases/08-table-cell-mixed.xml', 'main table.table td'],
  ];
  const folder = join(ARTIFACTS, 'kinds');

  it.each(KINDS)('%s', async (_kind, fixture, landmark) => {
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${fixture.replace(/[/]/g, '-').replace(/\.xml$/, '')}.html`);
    writeFileSync(file, render(readFileSync(`${FIXTURES}foreign/${fixture}`), fixture, { to: 'html' }).output ?? '');
    const tab = await context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(pathToFileURL(file).href);
    // Shown, not only present (the first may sit in a part of the other view).
    expect(await tab.locator(`${landmark} >> visible=true`).count()).toBeGreaterThan(0);
    expect((await tab.screenshot({ path: file.replace(/\.html$/, '.png') })).length).toBeGreaterThan(5_000);
    await tab.close();
  });

  it('a critical apparatus shows the witnesses\' readings beside the lemma in the diplomatic view', async () => {
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(join(folder, 'more-pta-pta0001.pta030-apparatus.html')).href);
    const readings = tab.locator('main .rdg-app >> visible=true');
    expect(await readings.count()).toBe(0);
    await tab.locator('#view-diplomatic').check();
    expect(await readings.count()).toBeGreaterThan(0);
    await tab.close();
  });
});

describe('the catalogue (index.html) in chromium', () => {
  let catalogue: Page;
  let catalogueUrl = '';
  const catalogueMessages: string[] = [];
  const catalogueRequests: string[] = [];
  const visibleTitles = async (): Promise<string[]> => catalogue.locator('#editions > li:visible h2').allInnerTexts();

  beforeAll(async () => {
    const root = makeBuildCorpus(join(ROOT, 'test-output', 'browser', 'catalogue'));
    expect(buildCli([], root).status).toBe(0);
    catalogueUrl = pathToFileURL(join(root, 'editions', 'index.html')).href;
    catalogue = await context.newPage();
    catalogue.on('console', (message) => catalogueMessages.push(`${message.type()}: ${message.text()}`));
    catalogue.on('pageerror', (error) => catalogueMessages.push(`pageerror: ${error.message}`));
    catalogue.on('request', (request) => catalogueRequests.push(request.url()));
    await catalogue.goto(catalogueUrl);
  });

  it('should run its script under its own Content-Security-Policy with no console message and no request', async () => {
    // A script blocked by the CSP would leave the search form hidden and log a violation.
    expect(await catalogue.locator('#search').isVisible()).toBe(true);
    expect(catalogueMessages).toEqual([]);
    expect(catalogueRequests).toEqual([catalogueUrl]);
    expect(await visibleTitles()).toHaveLength(5);
  });

  it('should find editions by a person, by a word of the full text, by a title word, and forgive a typo', async () => {
    const search = catalogue.locator('#search-input');
    // Mikoyan speaks in the reference record only (also shown by the TEI-only copy of it).
    await search.fill('Mikoyan');
    expect((await visibleTitles()).every((title) => title.startsWith('Record of a Meeting between the Sino-Soviet Delegation'))).toBe(true);
    expect(await visibleTitles()).toHaveLength(2);
    expect(await catalogue.locator('#search-status').innerText()).toBe('2 of 5 editions match “Mikoyan”');
    // "Chennault" occurs in the text of the FRUS transcript (09) and nowhere else.
    await search.fill('chennault');
    expect(await visibleTitles()).toHaveLength(1);
    expect((await visibleTitles())[0]).toMatch(/Chennault|Rusk|Conversation|Transcript/i);
    await search.fill('Mikoyn');
    expect(await visibleTitles()).toHaveLength(2);
    await search.fill('zzzzqqq');
    expect(await visibleTitles()).toEqual([]);
    expect(await catalogue.locator('#search-status').innerText()).toBe('0 of 5 editions match “zzzzqqq”');
    await search.fill('');
    expect(await visibleTitles()).toHaveLength(5);
  });

  it('should open in reading order (by date) without any script, and narrow the list by year, archive and person with counts', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const still = await noScript.newPage();
    await still.goto(catalogueUrl);
    const dates = await still.locator('#editions > li').evaluateAll((items) => items.map((item) => item.querySelector('time')?.getAttribute('datetime')));
    expect(dates).toEqual(['1944-10-12', '1949-05-11', '1949-12-16', '1956-09-20', '1956-09-20']);
    // The filters need the script: without it they are not offered.
    expect(await still.locator('#facets').isVisible()).toBe(false);
    await noScript.close();

    await catalogue.goto(catalogueUrl);
    const count = (facet: string, value: string) => catalogue.locator(`#facets input[name="${facet}"][value="${value}"] + .count, #facets label:has(input[name="${facet}"][value="${value}"]) .count`).first().innerText();
    expect(await count('year', '1949')).toBe('2');
    expect(await count('person', 'Mikoyan')).toBe('2');
    await catalogue.locator('#facets input[name="year"][value="1949"]').check();
    expect(await visibleTitles()).toHaveLength(2);
    expect(await catalogue.locator('#search-status').innerText()).toBe('2 of 5 editions shown');
    // Counts follow the filters: no edition of 1949 has Mikoyan; the other years still count what they would add.
    expect(await count('person', 'Mikoyan')).toBe('0');
    expect(await count('year', '1956')).toBe('2');
    await catalogue.locator('#facets input[name="archive"][value="GARF"]').check();
    expect(await visibleTitles()).toEqual([]);
    await catalogue.locator('#facets input[name="year"][value="1949"]').uncheck();
    expect(await visibleTitles()).toHaveLength(2);
    // Filters and search together: "Chennault" is in the 1949 transcript only.
    await catalogue.locator('#facets-clear').click();
    await catalogue.locator('#search-input').fill('chennault');
    expect(await count('year', '1949')).toBe('1');
    expect(await count('year', '1956')).toBe('0');
    await catalogue.locator('#facets input[name="year"][value="1956"]').check();
    expect(await visibleTitles()).toEqual([]);
    expect(await catalogue.locator('#search-status').innerText()).toBe('0 of 5 editions match “chennault” and the filters');
    await catalogue.locator('#facets-clear').click();
    await catalogue.locator('#search-input').fill('');
    expect(await visibleTitles()).toHaveLength(5);
    // A filter can come with the address, as a search can.
    await catalogue.goto(`${catalogueUrl}?person=Mikoyan`);
    expect(await visibleTitles()).toHaveLength(2);
  });

  it('should open with a query from the address (?q=) and link to the editions', async () => {
    await catalogue.goto(`${catalogueUrl}?q=Stalin`);
    const titles = await visibleTitles();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(5);
    await catalogue.locator('#editions > li:visible h2 a').first().click();
    expect(catalogue.url()).toMatch(/\/editions\/corpus\/01\/01\.html$/);
    expect(await catalogue.locator('h1').innerText()).toContain('Stalin');
  });

  it('should order the list by date or by title, undated editions last', async () => {
    await catalogue.goto(`${catalogueUrl}?sort=title`);
    // As the reader sees them, top to bottom: by title, then by date.
    const titles = await catalogue.locator('#editions > li').evaluateAll((items) =>
      [...items].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((item) => item.querySelector('h2')!.textContent!.toLowerCase()));
    expect(titles).toHaveLength(5);
    expect(titles).toEqual([...titles].sort());
    await catalogue.locator('#search-sort').selectOption('date');
    const byDate = await catalogue.locator('#editions > li').evaluateAll((items) =>
      [...items].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((item) => item.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect(byDate).toHaveLength(5);
    const dated = byDate.filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(byDate.slice(dated.length).every((date) => date === '')).toBe(true);
  });

  it('should pass axe-core with no serious or critical violation', async () => {
    await catalogue.goto(catalogueUrl);
    const violations = (await new AxeBuilder({ page: catalogue }).analyze()).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe('the catalogue of a corpus larger than a page (450 editions) in chromium', () => {
  const SIZE = 450;
  let root = '';
  let url = '';
  const messages: string[] = [];
  const loaded: string[] = [];
  let large: Page;
  const status = (): Promise<string> => large.locator('#search-status').innerText();
  // textContent, not innerText: entries out of view are not rendered (content-visibility), but they are there.
  const titles = (): Promise<string[]> => large.locator('#editions > li h2').allTextContents();
  /** Edition i's date: 1940 + i % 10, on a day of January that moves every ten editions. */
  const dateOf = (index: number): string => `${1940 + (index % 10)}-01-${String(1 + Math.floor(index / 10) % 28).padStart(2, '0')}`;

  beforeAll(async () => {
    // State records only, as a build leaves them: edition i is dated 1940 + i % 10, has "Person i % 7" as a participant, and a word of its own.
    root = join(ARTIFACTS, 'large-catalogue');
    rmSync(root, { recursive: true, force: true });
    const order = stateCorpus(root, SIZE, (index) => {
      const name = `e${String(index).padStart(3, '0')}`;
      const date = dateOf(index);
      return { name, record: { title: `Record ${index}`, date, dateText: date, translators: [], participants: [`Person ${index % 7}`] }, words: `common words unique${index}`, outputs: [`${name}.html`, `${name}.txt`] };
    });
    const result = writeCatalogue(root, order, 'test');
    expect(result.written).toBe(true);
    url = pathToFileURL(result.path).href;
    large = await context.newPage();
    large.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    large.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    large.on('request', (request) => loaded.push(request.url()));
    await large.goto(url);
  });

  it('should open on its first page of editions by date, loading nothing else, with "Show more" for the rest', async () => {
    expect(messages).toEqual([]);
    expect(loaded).toEqual([url]);
    // By date, then by title (as strings: "Record 280" before "Record 29").
    const byDate = Array.from({ length: SIZE }, (_, index) => index)
      .sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : `record ${a}` < `record ${b}` ? -1 : 1))
      .map((index) => `Record ${index}`);
    expect(byDate.slice(0, 3)).toEqual(['Record 0', 'Record 280', 'Record 10']);
    expect(await titles()).toEqual(byDate.slice(0, 200));
    await large.locator('#show-more').click();
    expect(await titles()).toEqual(byDate.slice(0, 250));
    expect(await large.locator('#show-more').innerText()).toBe('Show 50 more (250 of 450 shown)');
  });

  it('should load only the search parts a query needs, from the catalogue folder under its CSP, and find the right editions', async () => {
    loaded.length = 0;
    await large.locator('#search-input').fill('unique123');
    await expect.poll(status).toBe('1 of 450 editions match “unique123”');
    expect(await titles()).toEqual(['Record 123']);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.every((request) => /\/large-catalogue\/catalogue\/search-[0-9a-f]{16}\.js$/.test(request))).toBe(true);
    // A person: every seventh edition (3, 10, …, 444), 64 of them; a page of 50 and the rest one click away.
    await large.locator('#search-input').fill('Person 3');
    await expect.poll(status).toBe('64 of 450 editions match “Person 3”');
    expect(await titles()).toHaveLength(50);
    await large.locator('#show-more').click();
    expect(await titles()).toHaveLength(64);
    expect((await titles()).every((title) => Number(title.split(' ')[1]) % 7 === 3)).toBe(true);
    // With a filter: 1943 holds editions 3, 13, 23, …; those of Person 3 among them are 3, 73, 143, …
    await large.locator('#facets input[name="year"][value="1943"]').check();
    const expected = Array.from({ length: SIZE }, (_, index) => index).filter((index) => index % 10 === 3 && index % 7 === 3);
    await expect.poll(status).toBe(`${expected.length} of 450 editions match “Person 3” and the filters`);
    expect(await large.locator('#facets label:has(input[name="year"][value="1943"]) .count').innerText()).toBe(String(expected.length));
    expect(messages).toEqual([]);
  });

  it('should offer pages in the catalogue folder to a reader without JavaScript, each linking to the editions', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const still = await noScript.newPage();
    await still.goto(url);
    expect(await still.locator('#editions > li').count()).toBe(200);
    await still.locator('#pager a', { hasText: '3' }).click();
    expect(still.url()).toMatch(/\/large-catalogue\/catalogue\/page-3\.html$/);
    const last = await still.locator('#editions > li h2').allTextContents();
    expect(last).toHaveLength(50);
    // The last by date: 1949, the 28th (editions 279 and 559 would share it; 279 is the one there is).
    expect(last.at(-1)).toBe('Record 279');
    expect(await still.locator('#editions > li h2 a').last().getAttribute('href')).toBe('../e279/e279.html');
    await still.locator('#pager a', { hasText: '1' }).click();
    expect(still.url()).toBe(url);
    await noScript.close();
  });

  it('should say what is missing when the search parts cannot be loaded', async () => {
    const copy = join(ARTIFACTS, 'large-catalogue-alone');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'index.html'), readFileSync(join(root, 'index.html')));
    const alone = await context.newPage();
    await alone.goto(`${pathToFileURL(join(copy, 'index.html')).href}?q=unique1`);
    await expect.poll(() => alone.locator('#search-status').innerText()).toMatch(/^The search index could not be loaded \(catalogue\/search-[0-9a-f]{16}\.js\)\. Keep the catalogue folder beside index\.html/);
    await alone.close();
  });

  it('should shrink back to one file, without the folder, when the corpus does', () => {
    const order = readingOrder(Array.from({ length: 20 }, (_, index) => {
      const name = `e${String(index).padStart(3, '0')}`;
      return { directory: join(root, name), name, key: name, root, source: { path: join(root, name, 'source.txt'), kind: 'text' as const } };
    }));
    expect(writeCatalogue(root, order, 'test').written).toBe(true);
    expect(existsSync(join(root, 'catalogue'))).toBe(false);
    const page = readFileSync(join(root, 'index.html'), 'utf8');
    expect(page).not.toContain("'self'");
    expect(page).toContain('<script>teikitCatalogue.part(0,');
  });
});
