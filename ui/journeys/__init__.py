"""Journey controllers: each connects one journey's screens to the session and the core."""
