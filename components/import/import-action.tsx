'use client';
/**
 * The designer's "Import" button, plus dropping a .tf file anywhere on the
 * page (an overlay shows while a file is dragged over it). Both open the
 * import dialog, which loads lazily with the HCL parser.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ImportDialogProps, ImportSeed } from './import-dialog';
import { readTfFile } from './read-tf-file';

const ImportDialog = lazy(() => import('./import-dialog'));

function isFileDrag(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function ImportAction({
  onLoad,
  onSaveAll,
  label = 'Import',
  buttonClassName = 'btn-secondary text-xs',
}: Pick<ImportDialogProps, 'onLoad' | 'onSaveAll'> & { label?: string; buttonClassName?: string }) {
  // A new object per opening, so a dropped file replaces what the dialog shows.
  const [seed, setSeed] = useState<ImportSeed | null>(null);
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; count them to know when the file left the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      // Without this the browser would open the file instead of handing it to us.
      if (isFileDrag(e)) e.preventDefault();
    };
    const onDrop = async (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      const result = await readTfFile(file);
      if (result.ok) {
        setDropError(null);
        setSeed({ text: result.text, fileName: result.name });
      } else setDropError(result.message);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <>
      <button type="button" className={buttonClassName} onClick={() => setSeed({ text: '' })} aria-haspopup="dialog">
        {label}
      </button>
      {dropError && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {dropError}
        </span>
      )}
      {dragging && (
        <div
          aria-hidden="true"
          data-testid="import-drop-overlay"
          className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center border-4 border-dashed border-blue-500 bg-blue-600/10"
        >
          <p className="rounded-lg bg-white dark:bg-slate-900 px-4 py-3 text-sm font-semibold text-blue-800 dark:text-blue-300 shadow-lg">
            Drop a .tf file to import it
          </p>
        </div>
      )}
      {seed && (
        <Suspense fallback={null}>
          <ImportDialog
            key={seed.text + (seed.fileName ?? '')}
            seed={seed}
            onLoad={onLoad}
            onSaveAll={onSaveAll}
            onClose={() => setSeed(null)}
          />
        </Suspense>
      )}
    </>
  );
}
