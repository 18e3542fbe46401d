"""One module per screen. A screen shows the session and forwards actions; it keeps no state."""
