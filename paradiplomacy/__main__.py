import gc
import sys

from .cli import main

code = main()
gc.freeze()  # the process ends here: the collector's last pass over the models and caches would only cost time
sys.exit(code)
