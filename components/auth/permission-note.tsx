/** Why a control next to it is disabled ("Operators only: you are signed in as viewer."). */
export function PermissionNote({ id, reason }: { id?: string; reason: string }) {
  return (
    <p id={id} data-testid="permission-note" className="text-sm text-amber-900 dark:text-amber-200">
      {reason}
    </p>
  );
}
