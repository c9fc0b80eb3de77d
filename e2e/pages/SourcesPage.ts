// The side panel's Sources tab, the document import dialog, the reader and the review pane, as
// the analyst uses them.
import type { Locator, Page } from '@playwright/test';

export interface DocumentFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class SourcesPage {
  readonly side: Locator;
  readonly list: Locator;
  readonly importDialog: Locator;
  readonly reader: Locator;
  readonly review: Locator;

  constructor(readonly page: Page) {
    this.side = page.getByRole('complementary', { name: 'Side panel' });
    this.list = this.side.getByRole('region', { name: 'Sources' });
    this.importDialog = page.getByRole('dialog', { name: /Import/ });
    this.reader = page.getByRole('dialog', { name: /^Reader/ });
    this.review = page.getByRole('dialog', { name: /^Review suggestions/ });
  }

  async open(): Promise<void> {
    await this.side.getByRole('tab', { name: 'Sources' }).click();
  }

  item(title: string | RegExp): Locator {
    return this.list
      .getByTestId('source-item')
      .filter({ has: this.page.getByRole('button', { name: title }) });
  }

  /** Chooses files in the import dialog (opened from the Sources pane) and waits for the summary. */
  async importFiles(files: DocumentFile[], { wait = true } = {}): Promise<void> {
    await this.open();
    await this.list.getByRole('button', { name: 'Import…' }).click();
    await this.page.getByTestId('document-files').setInputFiles(files);
    if (wait) await this.page.getByTestId('import-summary').waitFor();
  }

  async closeImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Close' }).click();
  }

  async read(title: string | RegExp): Promise<void> {
    await this.open();
    await this.list.getByRole('button', { name: title }).click();
    await this.reader.waitFor();
  }

  async reviewOf(title: string | RegExp): Promise<void> {
    await this.open();
    await this.item(title)
      .getByRole('button', { name: /suggestions/i })
      .click();
    await this.review.waitFor();
  }

  suggestions(kind: 'mention' | 'entity' | 'relation'): Locator {
    return this.review.locator(`[data-testid="suggestion"][data-kind="${kind}"]`);
  }

  async showKind(label: 'Mentions' | 'New entities' | 'Relations'): Promise<void> {
    await this.review.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }
}
