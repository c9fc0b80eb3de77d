// Channel names of the sheet feature (no dependencies: the sandboxed preload imports this).
export const SHEET_CHANNELS = [
  'sheet:get',
  'sheet:saveLayout',
  'entities:tag',
  'entities:merge',
  'csvExport:get',
  'csvImport:upload',
  'csvImport:info',
  'csvImport:run',
  'csvImport:state',
  'csvImport:cancel',
  'attributes:list',
  'caseTypes:list',
] as const;
