// Move up, move down and remove for one row of a list, each named after the row.
import { t } from '../../i18n/index.ts';

interface Props {
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function RowTools({ name, index, count, onMove, onRemove }: Props) {
  return (
    <div class="row-tools">
      <button type="button" class="small" aria-label={t.catalogue.moveUpNamed(name)} disabled={index === 0} onClick={() => onMove(index - 1)}>
        <span aria-hidden="true">↑</span> {t.catalogue.moveUp}
      </button>
      <button type="button" class="small" aria-label={t.catalogue.moveDownNamed(name)} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        <span aria-hidden="true">↓</span> {t.catalogue.moveDown}
      </button>
      <button type="button" class="small danger" aria-label={t.catalogue.removeNamed(name)} onClick={onRemove}>
        {t.catalogue.remove}
      </button>
    </div>
  );
}
