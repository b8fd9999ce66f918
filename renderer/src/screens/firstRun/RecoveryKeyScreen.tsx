// Shown once, straight after the register is created: the recovery key to print and keep in the
// school safe. The register cannot show it again.

import { Heading } from '../../components/Heading.tsx';
import { LockedLayout } from '../../components/LockedLayout.tsx';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet.tsx';

export function RecoveryKeyScreen({ recoveryKey, schoolName, onDone }: { recoveryKey: string; schoolName: string; onDone: () => void }) {
  return (
    <LockedLayout width={680}>
      <Heading focusOnMount>Your recovery key</Heading>
      <RecoveryKeySheet recoveryKey={recoveryKey} schoolName={schoolName} occasion="created" doneLabel="Continue to the register"
        onDone={onDone} testId="recovery-key" />
    </LockedLayout>
  );
}
