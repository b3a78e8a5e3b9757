import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RunCase } from '#core/contracts/meeting-api.js';
import { secondsOn, timerWords } from './meeting-words.js';

const useStyles = makeStyles({
  timer: { fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Time on a case against the target, as mm:ss, ticking while the case is current. Over the target
 * it says so in words as well as colour. Not a live region: a screen reader is not told each second.
 */
export function CaseTimer(props: { item: RunCase; targetMinutes: number }) {
  const styles = useStyles();
  const [now, setNow] = useState(() => new Date());
  const running = props.item.currentSince !== null;
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(tick);
  }, [running]);
  const { text, over } = timerWords(secondsOn(props.item, now), props.targetMinutes);
  return (
    <Text className={mergeClasses(styles.timer, over && styles.over)} data-testid="case-timer">
      {text}
    </Text>
  );
}
