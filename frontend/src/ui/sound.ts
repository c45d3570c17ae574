/** A short tone for a large liquidation, higher for shorts liquidated than for longs; off unless enabled. */
export class AlertSound
{
    private context: AudioContext | null = null;
    enabled = false;

    play(side: 'long' | 'short'): void
    {
        if (!this.enabled)
        {
            return;
        }
        this.context ??= new AudioContext();
        const context = this.context;
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = side === 'short' ? 880 : 440;
        gain.gain.setValueAtTime(0.08, context.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.25);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start();
        oscillator.stop(context.currentTime + 0.25);
    }
}
