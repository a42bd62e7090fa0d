// The operator console in a real browser: headless Chromium (Debian's) driven by puppeteer-core, against the
// built distribution started by .ci/console. Each step waits for what the page shows; on a failure the page is
// saved as a screenshot. With SCREENSHOT set, the console is also photographed for the README.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

// puppeteer-core is installed by .ci/node outside the source tree, in NODE_TOOLS
const entry = createRequire(path.join(process.env.NODE_TOOLS, 'package.json')).resolve('puppeteer-core');
const {default: puppeteer} = await import(pathToFileURL(entry));

const {BASE, TOKEN, PLUGINS, GREETER_JAR, OUT, SCREENSHOT} = process.env;
const WAIT = {timeout: 20000};
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage();
await page.setViewport({width: 1280, height: 1000});
page.on('dialog', (dialog) => dialog.accept()); // the Remove button asks first
page.on('pageerror', (error) => console.log('page error:', error.message));

let step = 'start';
const steps = [];
async function check(name, action) {
  step = name;
  await action();
  steps.push(name);
  console.log(`ok   ${name}`);
}
const row = (file) => `#plugins tr[data-file="${file}"]`;
const textOf = (selector) => page.$eval(selector, (node) => node.textContent);

try {
  await check('without the token the page answers 401', async () => {
    const response = await page.goto(`${BASE}/console`);
    if (response.status() !== 401) throw new Error(`status ${response.status()}`);
  });

  await check('the token given once opens the console and shows the bundled plugins', async () => {
    await page.goto(`${BASE}/console?token=${encodeURIComponent(TOKEN)}`);
    if (new URL(page.url()).search !== '') throw new Error(`the token stays in the address: ${page.url()}`);
    for (const file of ['example.jar', 'sql.jar', 'memory.jar']) {
      await page.waitForSelector(`${row(file)} td.state-ACTIVE`, WAIT);
    }
    await page.waitForFunction(() => document.querySelector('#live').textContent === 'live', WAIT);
    await page.waitForSelector('#tools li[data-tool="example_echo"]', WAIT);
    await page.evaluate(() => { window.notReloaded = true; });
  });

  await check('a jar dropped into the folder appears without a reload', async () => {
    fs.copyFileSync(GREETER_JAR, path.join(PLUGINS, 'greeter.jar'));
    await page.waitForSelector(`${row('greeter.jar')} td.state-ACTIVE`, WAIT);
    await page.waitForSelector('#tools li[data-tool="greeter_hello"]', WAIT);
    const namespace = await textOf(`${row('greeter.jar')} td:nth-child(5)`);
    if (namespace !== 'greeter') throw new Error(`namespace ${namespace}`);
    if (!await page.evaluate(() => window.notReloaded)) throw new Error('the page was reloaded');
  });

  await check('a tool is called through the form generated from its schema', async () => {
    await page.type('#tool-search', 'greeter');
    await page.click('#tools li[data-tool="greeter_hello"]');
    await page.waitForSelector('#tool-form input[name="name"]', WAIT);
    await page.type('#tool-form input[name="name"]', 'console');
    await page.click('#tool-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#tool-result pre.result')?.textContent
        .includes('Hello, console from greeter'), WAIT);
    const result = JSON.parse(await textOf('#tool-result pre.result'));
    if (result.isError !== false || result.content[0].type !== 'text') throw new Error(JSON.stringify(result));
  });

  await check('the chart shows the call from the kernel\'s meters', async () => {
    await page.waitForFunction(() => document.querySelector('#legend').textContent.includes('greeter_hello'), WAIT);
    await page.waitForSelector('#rate-chart path[d^="M"]', WAIT);
  });

  await check('an MCP session shows in the Sessions panel and leaves when it is deleted', async () => {
    const headers = {'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
      Authorization: `Bearer ${TOKEN}`};
    const initialize = await fetch(`${BASE}/mcp`, {method: 'POST', headers, body: JSON.stringify({jsonrpc: '2.0',
      id: 1, method: 'initialize', params: {protocolVersion: '2025-06-18', capabilities: {},
        clientInfo: {name: 'console-check', version: '1.0'}}})});
    await initialize.text();
    const session = initialize.headers.get('mcp-session-id');
    if (!session) throw new Error(`initialize answered ${initialize.status} without a session`);
    await page.waitForFunction((id) => document.querySelector(`#sessions tr[data-session="${id}"]`)?.textContent
        .includes('console-check'), WAIT, session);
    await fetch(`${BASE}/mcp`, {method: 'DELETE', headers: {...headers, 'Mcp-Session-Id': session}});
    await page.waitForSelector(`#sessions tr[data-session="${session}"]`, {hidden: true, timeout: WAIT.timeout});
  });

  if (SCREENSHOT) {
    await page.evaluate(() => document.querySelector('#tool-search').blur());
    await page.screenshot({path: SCREENSHOT, fullPage: false});
    console.log(`screenshot ${SCREENSHOT}`);
  }

  await check('an uploaded broken jar is refused with the reason', async () => {
    const broken = path.join(OUT, 'broken-upload.jar');
    fs.writeFileSync(broken, 'this is not a zip archive');
    const input = await page.$('#upload-file');
    await input.uploadFile(broken);
    await page.click('#upload button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#upload-result').textContent.includes('refused'), WAIT);
    const said = await textOf('#upload-result');
    if (!said.includes('is not a valid jar')) throw new Error(said);
    await page.waitForSelector(`${row('broken-upload.jar')} td.state-REJECTED`, WAIT);
    const problem = await textOf(`${row('broken-upload.jar')} td.problem`);
    if (!problem.includes('is not a valid jar')) throw new Error(problem);
  });

  await check('a plugin is removed from the page', async () => {
    await page.click(`${row('greeter.jar')} button.remove`);
    await page.waitForSelector(row('greeter.jar'), {hidden: true, timeout: WAIT.timeout});
    await page.waitForSelector('#tools li[data-tool="greeter_hello"]', {hidden: true, timeout: WAIT.timeout});
    if (fs.existsSync(path.join(PLUGINS, 'greeter.jar'))) throw new Error('greeter.jar is still in the folder');
  });

  await check('a plugin is installed from the page', async () => {
    const upload = path.join(OUT, 'upload');
    fs.mkdirSync(upload, {recursive: true});
    fs.copyFileSync(GREETER_JAR, path.join(upload, 'greeter.jar'));
    const input = await page.$('#upload-file');
    await input.uploadFile(path.join(upload, 'greeter.jar'));
    await page.click('#upload button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#upload-result').textContent
        .includes('greeter.jar installed'), WAIT);
    await page.waitForSelector(`${row('greeter.jar')} td.state-ACTIVE`, WAIT);
    if (!fs.existsSync(path.join(PLUGINS, 'greeter.jar'))) throw new Error('greeter.jar is not in the folder');
  });
  console.log(`All ${steps.length} console checks passed`);
} catch (error) {
  const shot = path.join(OUT, 'failure.png');
  await page.screenshot({path: shot, fullPage: true}).catch(() => {});
  console.log(`FAIL ${step}: ${error.message}\n(screenshot ${shot})`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
