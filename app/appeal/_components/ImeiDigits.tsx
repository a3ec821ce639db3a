import { imeiDigitGroups } from '@/lib/form/imei-display';

import styles from './ImeiDigits.module.css';

/**
 * An IMEI grouped 2-6-6-1 for the eye by spacing alone: the groups are separate boxes with a gap
 * between them and no space characters, so copying it gives the 15 plain digits a support search
 * needs.
 */
export function ImeiDigits({ value }: { value: string }) {
  return (
    <span className={styles.imei} data-testid="imei-digits">
      {imeiDigitGroups(value).map((group, index) => (
        <span key={index}>{group}</span>
      ))}
    </span>
  );
}
