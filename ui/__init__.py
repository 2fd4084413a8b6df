"""The Qt user interface: everything in Quorum that imports PySide6."""
