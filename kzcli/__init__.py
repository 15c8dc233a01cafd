"""kzcli: a command-line research assistant for Russian-language news."""

__version__ = "0.1.0"
