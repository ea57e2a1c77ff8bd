// The style module JupyterLab loads for this extension (package.json "styleModule").
import './base.css';
