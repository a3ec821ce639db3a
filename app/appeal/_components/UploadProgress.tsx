import styles from './UploadProgress.module.css';

/**
 * The upload's bar: a real <progress> (read out with its value), what is happening, and Cancel
 * below the bar, well away from the button that started the upload.
 */
export function UploadProgress({
  percent,
  label,
  detail,
  cancelLabel,
  onCancel,
}: {
  percent: number;
  label: string;
  detail: string | null;
  cancelLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className={styles.progress}>
      <label htmlFor="upload-progress">{label}</label>
      <progress id="upload-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <div className={styles.row}>
        {detail ? <p>{detail}</p> : <p aria-hidden="true" />}
        <button type="button" className="button small" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
