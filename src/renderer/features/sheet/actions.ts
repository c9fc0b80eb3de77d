/** The shown tab's export and import, for the File menu and the command registry; tabs set these while shown. */
export const sheetActions: { exportCsv: (() => void) | null; importCsv: (() => void) | null } = {
  exportCsv: null,
  importCsv: null,
};
