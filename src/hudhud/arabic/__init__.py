"""The Arabic text layer: normalisation (with offset maps), sentences and tokens."""
