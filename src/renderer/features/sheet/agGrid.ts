// The one place ag-grid is set up: its modules and a theme that follows the app's look.
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/** No web font: the app never makes a network request. */
export const sheetTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  spacing: 6,
  accentColor: '#1f5fbf',
  rowHeight: 30,
  headerHeight: 34,
});
