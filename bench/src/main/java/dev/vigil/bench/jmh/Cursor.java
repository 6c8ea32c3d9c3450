package dev.vigil.bench.jmh;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Which prepared input the next call of a benchmark uses, in turn; one per thread. */
@State(Scope.Thread)
public class Cursor {

    private int next;

    /** The current index, moving on to the next one, back to 0 after {@code size - 1}. */
    int advance(int size) {
        int current = next;
        next = current + 1 == size ? 0 : current + 1;
        return current;
    }
}
