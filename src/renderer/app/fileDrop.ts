// Files dropped anywhere on the window go to the import that reads them: documents (text, Markdown,
// HTML, PDF, Word) to the document import; tables are refused here with the way to bring them in.
import { reportError } from '../lib/ipc';

const TABLES = /\.(csv|tsv|tab)$/i;
const NETWORKS = /\.(gexf|graphml|cyjs|stix|json)$/i;

/** Installs the window's drop target; `onDocuments` gets the documents, `onHover` whether files hover. */
export function installFileDrop(
  onDocuments: (files: File[]) => void,
  onHover: (hovering: boolean) => void,
  onNetwork: (file: File) => void = () => undefined,
): () => void {
  const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
  let depth = 0;
  const enter = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    depth++;
    onHover(true);
  };
  const over = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const leave = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) onHover(false);
  };
  const drop = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    onHover(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    const tables = files.filter((f) => TABLES.test(f.name));
    if (tables.length)
      reportError(
        new Error(
          `${tables.map((f) => `“${f.name}”`).join(', ')} ${tables.length === 1 ? 'is a table' : 'are tables'}: use Import CSV in the sheet to bring rows in.`,
        ),
      );
    // A network file (GEXF, GraphML, Cytoscape JSON, STIX or case JSON) opens the network import's preview.
    const networks = files.filter((f) => NETWORKS.test(f.name));
    if (networks[0]) onNetwork(networks[0]);
    const documents = files.filter((f) => !TABLES.test(f.name) && !NETWORKS.test(f.name));
    if (documents.length) onDocuments(documents);
  };
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragover', over);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
  };
}
