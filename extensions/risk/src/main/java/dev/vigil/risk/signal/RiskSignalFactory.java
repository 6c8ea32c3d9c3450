package dev.vigil.risk.signal;

import dev.vigil.api.provider.StatelessFactory;

public interface RiskSignalFactory extends StatelessFactory<RiskSignal> {
}
