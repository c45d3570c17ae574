/** A short tone for a large liquidation, higher for shorts liquidated than for longs; off unless enabled. */
export class AlertSound
{
    private context: AudioContext | null = null;
    private on = false;

    get enabled(): boolean
    {
        return this.on;
    }

    /** Call from the user's click: browsers let audio start only after a gesture. */
    setEnabled(on: boolean): void
    {
        this.on = on;
        if (on)
        {
            this.context ??= new AudioContext();
            void this.context.resume();
        }
    }

    play(side: 'long' | 'short'): void
    {
        const context = this.context;
        if (!this.on || context === null)
        {
            return;
        }
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
