"""minutes: committee papers in, a live action tracker out."""

__version__ = "0.1.0"
