// A Chromium whose IndexedDB lives on disk. Playwright's browser.newPage() opens an
// incognito-like context, where Chromium keeps IndexedDB in memory: a save there
// never reaches the disk, so strict durability (src/db/schema.ts) would cost nothing
// and a sync benchmark would read from RAM. A persistent profile in a temp folder is
// what a phone has. Closing and reopening on the same folder is an app restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';

export class DiskBrowser {
  readonly profileDir = mkdtempSync(join(tmpdir(), 'fieldlog-bench-profile-'));
  private context: BrowserContext | null = null;

  /** (Re)start Chromium on the profile and return its page. CSP is bypassed so bench code can be injected. */
  async open(): Promise<Page> {
    await this.close();
    this.context = await chromium.launchPersistentContext(this.profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, bypassCSP: true });
    return this.context.pages()[0] ?? (await this.context.newPage());
  }

  async close(): Promise<void> {
    const c = this.context;
    this.context = null;
    if (c) await c.close();
  }

  async dispose(): Promise<void> {
    await this.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
