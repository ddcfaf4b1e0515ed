/**
 * The HTML edition in a real browser (Debian's chromium through playwright-core): it opens
 * without errors or network requests, the view switch changes what is shown (with the keyboard
 * too), an anchor lands on its paragraph, and axe-core finds no serious accessibility problem.
 * The catalogue a build writes: its search works under its own CSP, offline.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { render } from '../src/render/index.js';
import { REFERENCE_TEI, ROOT, buildCli, corpusFiles, makeBuildCorpus } from './helpers.js';

const EDITION_URL = pathToFileURL(REFERENCE_TEI.replace(/\.xml$/, '.html')).href;
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
    const violations = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.length} nodes`);
    await page.goto(EDITION_URL);
    expect(await violations()).toEqual([]);
    await page.locator('#view-diplomatic').check();
    expect(await violations()).toEqual([]);
  });

  it('should pass axe-core too for a converted FRUS despatch (letter, enclosure, notes) and link its note', async () => {
    const source = corpusFiles().find((path) => path.includes('/12-')) ?? '';
    const tei = convert(readFileSync(source), { path: source }).tei ?? '';
    const html = render(tei, '12.xml', { to: 'html' }).output ?? '';
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'frus-12.html');
    writeFileSync(file, html);
    const other = await context.newPage();
    await other.goto(pathToFileURL(file).href);
    const violations = (await new AxeBuilder({ page: other }).analyze()).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(violations.map((violation) => violation.id)).toEqual([]);
    await other.locator('sup.noteref a').first().click();
    expect(new URL(other.url()).hash).toBe('#fn-33');
    expect(await other.locator('#fn-33').innerText()).toContain('Not printed');
    await other.close();
  });

  it('should save a screenshot of the edition as a test artifact', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.goto(EDITION_URL);
    const path = join(ARTIFACTS, 'wilson-121798.png');
    const image = await page.screenshot({ path, fullPage: false });
    expect(image.length).toBeGreaterThan(10_000);
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
    await catalogue.goto(catalogueUrl);
    const dates = async (): Promise<string[]> => catalogue.locator('#editions > li').evaluateAll((items) =>
      [...items].sort((a, b) => Number((a as HTMLElement).style.order) - Number((b as HTMLElement).style.order)).map((item) => (item as HTMLElement).dataset.date ?? ''));
    await catalogue.locator('#search-sort').selectOption('date');
    const byDate = await dates();
    expect(byDate).toHaveLength(5);
    const dated = byDate.filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(byDate.slice(dated.length).every((date) => date === '')).toBe(true);
    // What the reader sees follows the order: the first item on screen is the earliest.
    const firstOnScreen = await catalogue.locator('#editions > li').evaluateAll((items) =>
      [...items].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]?.getAttribute('data-date'));
    expect(firstOnScreen).toBe(dated[0]);
    await catalogue.goto(`${catalogueUrl}?sort=title`);
    const titles = await catalogue.locator('#editions > li').evaluateAll((items) =>
      [...items].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((item) => item.getAttribute('data-title') ?? ''));
    expect(titles).toEqual([...titles].sort());
  });

  it('should pass axe-core with no serious or critical violation', async () => {
    await catalogue.goto(catalogueUrl);
    const violations = (await new AxeBuilder({ page: catalogue }).analyze()).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });
});
