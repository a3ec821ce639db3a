import styles from './UploadProgress.module.css';

/**
 * The upload's frame: a status line (the phase, read out as it changes), a real <progress> named by
 * it (read out with its value), and Cancel below the bar, well away from the button that started
 * the upload. Drawn even when idle, empty, so that the status line is a live region from the start;
 * idle, it can still say one thing (that the upload was cancelled).
 */
export function UploadProgress({
  active,
  status,
  statusClassName,
  percent,
  detail,
  cancelLabel,
  onCancel,
}: {
  active: boolean;
  status: string;
  statusClassName?: string;
  percent: number;
  detail: string | null;
  cancelLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className={active ? styles.progress : undefined}>
      <p role="status" id="upload-status" className={statusClassName ?? styles.status}>
        {status}
      </p>
      {active ? (
        <>
          <progress aria-labelledby="upload-status" max={100} value={percent}>
            {percent}%
          </progress>
          <div className={styles.row}>
            {detail ? <p>{detail}</p> : <p aria-hidden="true" />}
            <button type="button" className="button small" onClick={onCancel}>
              {cancelLabel}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
