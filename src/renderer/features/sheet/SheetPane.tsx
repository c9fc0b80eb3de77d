// The sheet: Entities, Relations and Sources tabs over the open case.
import { useEffect, useState } from 'react';
import { registerCommands } from '../../app/commands';
import { selectionStore } from '../../lib/store';
import { sheetActions } from './actions';
import { EntitiesTab } from './EntitiesTab';
import { RelationsTab } from './RelationsTab';
import { SourcesTab } from './SourcesTab';
import './sheet.css';

type Tab = 'entities' | 'relations' | 'sources';
const TABS: { id: Tab; label: string }[] = [
  { id: 'entities', label: 'Entities' },
  { id: 'relations', label: 'Relations' },
  { id: 'sources', label: 'Sources' },
];

export function SheetPane() {
  const [tab, setTab] = useState<Tab>('entities');
  // An entity picked in the search is shown on the Entities tab (which scrolls to its row).
  useEffect(() => {
    const unsubscribe = selectionStore.subscribe(() => {
      const selection = selectionStore.get();
      if (selection.origin === 'search' && selection.entityIds.length === 1) setTab('entities');
    });
    return () => void unsubscribe();
  }, []);
  useEffect(
    () =>
      registerCommands('sheet', {
        'export:csv': () => sheetActions.exportCsv?.(),
        'import:csv': () => sheetActions.importCsv?.(),
        'sheet:entities': () => setTab('entities'),
        'sheet:relations': () => setTab('relations'),
        'sheet:sources': () => setTab('sources'),
      }),
    [],
  );
  return (
    <div className="sheet">
      <div className="tabs sheet-tabs" role="tablist" aria-label="Sheet tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`sheet-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="sheet-tabpanel"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="sheet-body" role="tabpanel" id="sheet-tabpanel" aria-labelledby={`sheet-tab-${tab}`}>
        {tab === 'entities' && <EntitiesTab />}
        {tab === 'relations' && <RelationsTab />}
        {tab === 'sources' && <SourcesTab />}
      </div>
    </div>
  );
}
