"""The app's screens: the reader, the help screen, the highlight menu."""
